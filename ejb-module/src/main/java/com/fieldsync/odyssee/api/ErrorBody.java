package com.fieldsync.odyssee.api;

/** Odyssee's error body, {@code {"message": "..."}}. */
public class ErrorBody {
    public String message;
}
