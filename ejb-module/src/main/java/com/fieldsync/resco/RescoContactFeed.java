package com.fieldsync.resco;

import com.fieldsync.erp.EntityType;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link EntityType#CONTACT} records changed on Resco. */
@ApplicationScoped
public class RescoContactFeed extends RescoFeed {

    @Override
    EntityType type() {
        return EntityType.CONTACT;
    }
}
