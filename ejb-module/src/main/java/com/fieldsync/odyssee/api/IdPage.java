package com.fieldsync.odyssee.api;

import java.util.List;

/** A list answer read for its rows' ids only: {@code {"value":[{"id":…}]}}. */
public class IdPage {
    public List<IdOnly> value;
}
