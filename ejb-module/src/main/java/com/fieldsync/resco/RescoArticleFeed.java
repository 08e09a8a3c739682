package com.fieldsync.resco;

import com.fieldsync.erp.EntityType;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link EntityType#ARTICLE} records changed on Resco. */
@ApplicationScoped
public class RescoArticleFeed extends RescoFeed {

    @Override
    EntityType type() {
        return EntityType.ARTICLE;
    }
}
