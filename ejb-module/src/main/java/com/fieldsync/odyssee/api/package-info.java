/**
 * Odyssee's wire types: the MicroProfile REST Client interface and the JSON-B records of its
 * controllers. Nothing outside {@code com.fieldsync.odyssee} sees these types.
 */
package com.fieldsync.odyssee.api;
