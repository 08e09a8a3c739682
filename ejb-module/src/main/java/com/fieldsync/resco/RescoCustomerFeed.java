package com.fieldsync.resco;

import com.fieldsync.erp.EntityType;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link EntityType#CUSTOMER} records changed on Resco. */
@ApplicationScoped
public class RescoCustomerFeed extends RescoFeed {

    @Override
    EntityType type() {
        return EntityType.CUSTOMER;
    }
}
