package com.fieldsync.odyssee;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A client-side {@link Response} over a string body and a few headers, without a JAX-RS runtime:
 * what the connector's error classification reads ({@code getStatus}, {@code hasEntity}, {@code
 * readEntity(String)}, {@code getHeaderString}).
 */
final class BufferedResponse extends Response {

    private final int status;
    private final String body;
    private final Map<String, String> headers;

    BufferedResponse(int status, String body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public StatusType getStatusInfo() {
        return Status.fromStatusCode(status);
    }

    @Override
    public Object getEntity() {
        return body;
    }

    @Override
    public <T> T readEntity(Class<T> entityType) {
        return entityType.cast(body);
    }

    @Override
    public <T> T readEntity(GenericType<T> entityType) {
        throw new IllegalStateException("only String bodies");
    }

    @Override
    public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
        return readEntity(entityType);
    }

    @Override
    public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
        throw new IllegalStateException("only String bodies");
    }

    @Override
    public boolean hasEntity() {
        return body != null;
    }

    @Override
    public boolean bufferEntity() {
        return true;
    }

    @Override
    public void close() {}

    @Override
    public MediaType getMediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public int getLength() {
        return body == null ? -1 : body.length();
    }

    @Override
    public Set<String> getAllowedMethods() {
        return Set.of();
    }

    @Override
    public Map<String, NewCookie> getCookies() {
        return Map.of();
    }

    @Override
    public EntityTag getEntityTag() {
        return null;
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public Date getLastModified() {
        return null;
    }

    @Override
    public URI getLocation() {
        return null;
    }

    @Override
    public Set<Link> getLinks() {
        return Set.of();
    }

    @Override
    public boolean hasLink(String relation) {
        return false;
    }

    @Override
    public Link getLink(String relation) {
        return null;
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        return null;
    }

    @Override
    public MultivaluedMap<String, Object> getMetadata() {
        throw new IllegalStateException("use getHeaderString");
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        throw new IllegalStateException("use getHeaderString");
    }

    @Override
    public String getHeaderString(String name) {
        return headers.get(name);
    }
}
