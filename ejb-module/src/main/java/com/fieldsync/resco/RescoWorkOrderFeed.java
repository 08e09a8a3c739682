package com.fieldsync.resco;

import com.fieldsync.erp.EntityType;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link EntityType#WORK_ORDER} records changed on Resco. */
@ApplicationScoped
public class RescoWorkOrderFeed extends RescoFeed {

    @Override
    EntityType type() {
        return EntityType.WORK_ORDER;
    }
}
