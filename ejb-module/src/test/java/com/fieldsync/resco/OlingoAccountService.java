package com.fieldsync.resco;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.FilterOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.OrderByOption;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.SkipTokenOption;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * A read-only OData v4 service on Apache Olingo's server library, for {@link OlingoConformanceTest}:
 * one entity set {@code account} served from memory. Olingo parses every URL (resource path, key,
 * {@code $filter}, {@code $orderby}, {@code $select}, {@code $skiptoken}) and writes every answer
 * (service document, {@code $metadata}, JSON, errors); only evaluating the parsed filter and order
 * and cutting pages is done here. Pages hold at most {@link #PAGE_SIZE} rows and end in an
 * {@code @odata.nextLink} whose opaque {@code $skiptoken} is checked when it comes back.
 */
final class OlingoAccountService {

    static final int PAGE_SIZE = 100;
    static final String NAMESPACE = "FieldSync.Conformance";
    static final String SET = "account";
    private static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Container");
    private static final FullQualifiedName ACCOUNT = new FullQualifiedName(NAMESPACE, "account");

    /** One row of the entity set. */
    record Account(UUID id, String name, Instant modifiedon, long versionnumber) {}

    /** A request as it reached the servlet: path and query exactly as sent (still percent-encoded). */
    record Seen(String method, String rawPath, String rawQuery) {}

    private final List<Account> accounts;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final List<String> filters = new CopyOnWriteArrayList<>();

    OlingoAccountService(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** Every request received, in order. */
    List<Seen> requests() {
        return requests;
    }

    /** The text of every {@code $filter} Olingo parsed for the entity set, in order. */
    List<String> filters() {
        return filters;
    }

    HttpServlet servlet() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                requests.add(new Seen(request.getMethod(), request.getRequestURI(), request.getQueryString()));
                OData odata = OData.newInstance();
                ServiceMetadata metadata = odata.createServiceMetadata(new Edm(), List.of());
                ODataHttpHandler handler = odata.createHandler(metadata);
                handler.register(new Processor());
                handler.process(request, response);
            }
        };
    }

    /** The model: {@code account} with a Guid key, a name, a DateTimeOffset and an Int64. */
    static final class Edm extends CsdlAbstractEdmProvider {

        @Override
        public CsdlEntityType getEntityType(FullQualifiedName name) {
            if (!ACCOUNT.equals(name)) {
                return null;
            }
            return new CsdlEntityType()
                    .setName(ACCOUNT.getName())
                    .setKey(List.of(new CsdlPropertyRef().setName("id")))
                    .setProperties(List.of(
                            property("id", EdmPrimitiveTypeKind.Guid).setNullable(false),
                            property("name", EdmPrimitiveTypeKind.String),
                            // nanoseconds, so that Olingo writes the rows' instants as they are
                            property("modifiedon", EdmPrimitiveTypeKind.DateTimeOffset)
                                    .setPrecision(9),
                            property("versionnumber", EdmPrimitiveTypeKind.Int64)));
        }

        private static CsdlProperty property(String name, EdmPrimitiveTypeKind kind) {
            return new CsdlProperty().setName(name).setType(kind.getFullQualifiedName());
        }

        @Override
        public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
            return CONTAINER.equals(container) && SET.equals(name)
                    ? new CsdlEntitySet().setName(SET).setType(ACCOUNT)
                    : null;
        }

        @Override
        public CsdlEntityContainer getEntityContainer() {
            return new CsdlEntityContainer()
                    .setName(CONTAINER.getName())
                    .setEntitySets(List.of(getEntitySet(CONTAINER, SET)));
        }

        @Override
        public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
            return name == null || CONTAINER.equals(name)
                    ? new CsdlEntityContainerInfo().setContainerName(CONTAINER)
                    : null;
        }

        @Override
        public List<CsdlSchema> getSchemas() {
            return List.of(new CsdlSchema()
                    .setNamespace(NAMESPACE)
                    .setEntityTypes(List.of(getEntityType(ACCOUNT)))
                    .setEntityContainer(getEntityContainer()));
        }
    }

    private final class Processor implements EntityCollectionProcessor, EntityProcessor {

        private OData odata;
        private ServiceMetadata metadata;

        @Override
        public void init(OData odata, ServiceMetadata metadata) {
            this.odata = odata;
            this.metadata = metadata;
        }

        @Override
        public void readEntityCollection(
                ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
                throws ODataApplicationException, ODataLibraryException {
            EdmEntitySet set = entitySet(uriInfo);
            List<Entity> rows = new ArrayList<>();
            FilterOption filter = uriInfo.getFilterOption();
            if (filter != null) {
                filters.add(filter.getText());
            }
            for (Account a : accounts) {
                Entity e = entity(a);
                if (filter == null || Boolean.TRUE.equals(evaluate(filter.getExpression(), e))) {
                    rows.add(e);
                }
            }
            rows.sort(order(uriInfo.getOrderByOption()));

            int from = from(uriInfo.getSkipTokenOption(), rows);
            int to = Math.min(from + PAGE_SIZE, rows.size());
            EntityCollection page = new EntityCollection();
            page.getEntities().addAll(rows.subList(from, to));
            if (to < rows.size()) {
                page.setNext(nextLink(request, skipToken(to, rows.get(to - 1))));
            }

            EdmEntityType type = set.getEntityType();
            SelectOption select = uriInfo.getSelectOption();
            ContextURL context = ContextURL.with()
                    .entitySet(set)
                    .selectList(odata.createUriHelper().buildContextURLSelectList(type, null, select))
                    .build();
            EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
                    .id(request.getRawBaseUri() + "/" + set.getName())
                    .contextURL(context)
                    .select(select)
                    .build();
            response.setContent(odata.createSerializer(format)
                    .entityCollection(metadata, type, page, options)
                    .getContent());
            response.setStatusCode(HttpStatusCode.OK.getStatusCode());
            response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
        }

        @Override
        public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
                throws ODataApplicationException, ODataLibraryException {
            EdmEntitySet set = entitySet(uriInfo);
            UriResourceEntitySet resource =
                    (UriResourceEntitySet) uriInfo.getUriResourceParts().get(0);
            UUID id = (UUID) primitive(
                    (EdmPrimitiveType) set.getEntityType().getProperty("id").getType(),
                    resource.getKeyPredicates().get(0).getText());
            Optional<Account> found =
                    accounts.stream().filter(a -> a.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                throw new ODataApplicationException(
                        "no account " + id, HttpStatusCode.NOT_FOUND.getStatusCode(), Locale.ROOT);
            }
            EdmEntityType type = set.getEntityType();
            SelectOption select = uriInfo.getSelectOption();
            ContextURL context = ContextURL.with()
                    .entitySet(set)
                    .selectList(odata.createUriHelper().buildContextURLSelectList(type, null, select))
                    .suffix(ContextURL.Suffix.ENTITY)
                    .build();
            EntitySerializerOptions options = EntitySerializerOptions.with()
                    .contextURL(context)
                    .select(select)
                    .build();
            response.setContent(odata.createSerializer(format)
                    .entity(metadata, type, entity(found.get()), options)
                    .getContent());
            response.setStatusCode(HttpStatusCode.OK.getStatusCode());
            response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
        }

        @Override
        public void createEntity(
                ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType in, ContentType out)
                throws ODataApplicationException {
            throw readOnly();
        }

        @Override
        public void updateEntity(
                ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType in, ContentType out)
                throws ODataApplicationException {
            throw readOnly();
        }

        @Override
        public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo)
                throws ODataApplicationException {
            throw readOnly();
        }
    }

    private static EdmEntitySet entitySet(UriInfo uriInfo) throws ODataApplicationException {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourceEntitySet set)) {
            throw notImplemented("only a single entity set or entity is served");
        }
        return set.getEntitySet();
    }

    private static Entity entity(Account a) {
        Entity e = new Entity()
                .addProperty(new Property(null, "id", ValueType.PRIMITIVE, a.id()))
                .addProperty(new Property(null, "name", ValueType.PRIMITIVE, a.name()))
                .addProperty(new Property(null, "modifiedon", ValueType.PRIMITIVE, a.modifiedon()))
                .addProperty(new Property(null, "versionnumber", ValueType.PRIMITIVE, a.versionnumber()));
        e.setId(URI.create(SET + "(" + a.id() + ")"));
        return e;
    }

    // ---- $filter: Olingo's expression tree, evaluated against one entity ----

    private static Object evaluate(Expression expression, Entity entity) throws ODataApplicationException {
        try {
            return expression.accept(new FilterVisitor(entity));
        } catch (ExpressionVisitException e) {
            throw new ODataApplicationException(
                    e.getMessage(), HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, e);
        }
    }

    /** Comparisons, and/or/not over properties and literals: what a change poll filters with. */
    private static final class FilterVisitor implements ExpressionVisitor<Object> {

        private final Entity entity;

        FilterVisitor(Entity entity) {
            this.entity = entity;
        }

        @Override
        public Object visitMember(Member member) throws ODataApplicationException {
            List<UriResource> parts = member.getResourcePath().getUriResourceParts();
            if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty p)) {
                throw notImplemented("only primitive properties can be filtered on");
            }
            return entity.getProperty(p.getProperty().getName()).getValue();
        }

        @Override
        public Object visitLiteral(Literal literal) throws ODataApplicationException {
            if (literal.getType() == null) { // null
                return null;
            }
            if (!(literal.getType() instanceof EdmPrimitiveType type)) {
                throw notImplemented("literal of type " + literal.getType().getFullQualifiedName());
            }
            return primitive(type, literal.getText());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right)
                throws ODataApplicationException {
            switch (operator) {
                case AND:
                    return Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
                case OR:
                    return Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
                case EQ:
                    return java.util.Objects.equals(left, right);
                case NE:
                    return !java.util.Objects.equals(left, right);
                case GE:
                case GT:
                case LE:
                case LT:
                    if (left == null || right == null) {
                        return false;
                    }
                    if (left.getClass() != right.getClass() || !(left instanceof Comparable)) {
                        throw new ODataApplicationException(
                                "cannot compare " + left.getClass().getSimpleName() + " with "
                                        + right.getClass().getSimpleName(),
                                HttpStatusCode.BAD_REQUEST.getStatusCode(),
                                Locale.ROOT);
                    }
                    int c = ((Comparable) left).compareTo(right);
                    return switch (operator) {
                        case GE -> c >= 0;
                        case GT -> c > 0;
                        case LE -> c <= 0;
                        default -> c < 0;
                    };
                default:
                    throw notImplemented("operator " + operator);
            }
        }

        @Override
        public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) throws ODataApplicationException {
            if (operator == UnaryOperatorKind.NOT) {
                return !Boolean.TRUE.equals(operand);
            }
            throw notImplemented("operator " + operator);
        }

        @Override
        public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right)
                throws ODataApplicationException {
            throw notImplemented("operator " + operator);
        }

        @Override
        public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
            throw notImplemented("method " + method);
        }

        @Override
        public Object visitLambdaExpression(String function, String variable, Expression expression)
                throws ODataApplicationException {
            throw notImplemented("lambda " + function);
        }

        @Override
        public Object visitAlias(String alias) throws ODataApplicationException {
            throw notImplemented("alias " + alias);
        }

        @Override
        public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
            throw notImplemented("type literal");
        }

        @Override
        public Object visitLambdaReference(String variable) throws ODataApplicationException {
            throw notImplemented("lambda reference");
        }

        @Override
        public Object visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
            throw notImplemented("enum");
        }
    }

    /** A URL literal (key predicate or filter operand) as the Java value its property holds. */
    private static Object primitive(EdmPrimitiveType type, String text) throws ODataApplicationException {
        Class<?> as;
        if (type.getName().equals("DateTimeOffset")) {
            as = Instant.class;
        } else if (type.getName().equals("Guid")) {
            as = UUID.class;
        } else if (type.getName().equals("String")) {
            as = String.class;
        } else if (List.of("SByte", "Byte", "Int16", "Int32", "Int64").contains(type.getName())) {
            as = Long.class;
        } else {
            throw notImplemented("literal of type " + type.getFullQualifiedName());
        }
        try {
            return type.valueOfString(type.fromUriLiteral(text), true, null, 12, null, true, as);
        } catch (EdmPrimitiveTypeException e) {
            throw new ODataApplicationException(
                    e.getMessage(), HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, e);
        }
    }

    // ---- $orderby ----

    private static Comparator<Entity> order(OrderByOption orderBy) throws ODataApplicationException {
        Comparator<Entity> order = (a, b) -> 0;
        if (orderBy == null) {
            return order;
        }
        for (OrderByItem item : orderBy.getOrders()) {
            if (!(item.getExpression() instanceof Member member)
                    || member.getResourcePath().getUriResourceParts().size() != 1
                    || !(member.getResourcePath().getUriResourceParts().get(0)
                            instanceof UriResourcePrimitiveProperty p)) {
                throw notImplemented("only ordering by a primitive property");
            }
            String name = p.getProperty().getName();
            Comparator<Entity> by =
                    Comparator.comparing(e -> sortKey(e.getProperty(name).getValue()));
            order = order.thenComparing(item.isDescending() ? by.reversed() : by);
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortKey(Object value) {
        // a Guid sorts by its canonical text (Java's UUID.compareTo is signed), anything else naturally
        return value instanceof UUID u ? u.toString() : (Comparable) value;
    }

    // ---- server-driven paging ----

    /** {@code <offset>,<id of the row before it>}: both checked, so a mangled token is an error. */
    private static String skipToken(int offset, Entity last) {
        return offset + "," + last.getProperty("id").getValue();
    }

    private static int from(SkipTokenOption token, List<Entity> rows) throws ODataApplicationException {
        if (token == null) {
            return 0;
        }
        String value = token.getValue();
        int comma = value.indexOf(',');
        try {
            int offset = Integer.parseInt(value.substring(0, comma));
            if (offset > 0
                    && offset <= rows.size()
                    && rows.get(offset - 1)
                            .getProperty("id")
                            .getValue()
                            .toString()
                            .equals(value.substring(comma + 1))) {
                return offset;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // answered below
        }
        throw new ODataApplicationException(
                "$skiptoken '" + value + "' is not one this service issued",
                HttpStatusCode.BAD_REQUEST.getStatusCode(),
                Locale.ROOT);
    }

    /** This request's own URL with its query options kept as sent and the {@code $skiptoken} replaced. */
    private static URI nextLink(ODataRequest request, String skipToken) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQueryPath();
        if (raw != null && !raw.isEmpty()) {
            for (String option : raw.split("&")) {
                String name = URLDecoder.decode(option.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!name.equals("$skiptoken")) {
                    query.append(option).append('&');
                }
            }
        }
        query.append("$skiptoken=")
                .append(URLEncoder.encode(skipToken, StandardCharsets.UTF_8).replace("+", "%20"));
        return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?" + query);
    }

    private static ODataApplicationException notImplemented(String what) {
        return new ODataApplicationException(
                what + ": not implemented by this test service",
                HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(),
                Locale.ROOT);
    }

    private static ODataApplicationException readOnly() {
        return new ODataApplicationException(
                "this test service is read-only", HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
    }
}
