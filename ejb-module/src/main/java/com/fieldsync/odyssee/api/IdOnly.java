package com.fieldsync.odyssee.api;

/** The part of a stored record FieldSync reads back: its id. */
public class IdOnly {
    public String id;
}
