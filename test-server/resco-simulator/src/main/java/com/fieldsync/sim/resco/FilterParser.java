package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Comparisons;
import com.fieldsync.sim.common.FilterTokens;
import com.fieldsync.sim.common.FilterTokens.Kind;
import com.fieldsync.sim.common.FilterTokens.Lexeme;
import com.fieldsync.sim.common.FilterTokens.Token;
import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.Timestamps;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Parses the {@code $filter} subset a field-service connector needs into a predicate on answered records.
 *
 * <pre>
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*            -- 'and' binds tighter than 'or'
 * unary      := 'not' unary | '(' or ')' | function | comparison
 * function   := ('contains' | 'startswith' | 'endswith') '(' attribute ',' 'string' ')'
 * comparison := attribute ('eq'|'ne'|'gt'|'ge'|'lt'|'le') literal
 * literal    := 'string' ('' escapes a quote) | number | true | false | null | bare GUID | bare datetime or date
 * </pre>
 *
 * The literal must suit the attribute's type (a GUID or datetime may also come quoted). Strings compare ordinally and
 * case-sensitively, as the OData specification says. Null follows OData: {@code eq null} and {@code ne null} test
 * for it, any other comparison with a null side is false. Keywords are lower-case, as in OData. Errors are 400s that
 * say what and where.
 */
final class FilterParser {
    // order matters: a GUID or a datetime would otherwise lex as a number or a word
    private static final List<Lexeme> LEXEMES = List.of(
            new Lexeme(Kind.GUID, Guids.PATTERN.pattern() + FilterTokens.NOT_A_NAME_CHAR),
            new Lexeme(
                    Kind.DATETIME,
                    "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?"
                            + FilterTokens.NOT_A_NAME_CHAR),
            new Lexeme(Kind.NUMBER, "-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?" + FilterTokens.NOT_A_NAME_CHAR),
            new Lexeme(Kind.WORD, "[A-Za-z_][A-Za-z0-9_]*"));

    private static final List<String> FUNCTIONS = List.of("contains", "startswith", "endswith");

    private final EntitySet set;
    private final FilterTokens tokens;

    private FilterParser(EntitySet set, String text) {
        this.set = set;
        this.tokens = FilterTokens.lex(text, "(),", LEXEMES, FilterParser::error);
    }

    static Predicate<JsonObject> parse(EntitySet set, String text) {
        FilterParser parser = new FilterParser(set, text);
        Predicate<JsonObject> predicate = parser.or();
        parser.tokens.expect(Kind.END, "'and', 'or', ')' or the end");
        return predicate;
    }

    private Predicate<JsonObject> or() {
        Predicate<JsonObject> left = and();
        while (tokens.peek().isWord("or")) {
            tokens.take();
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonObject> and() {
        Predicate<JsonObject> left = unary();
        while (tokens.peek().isWord("and")) {
            tokens.take();
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<JsonObject> unary() {
        Token token = tokens.peek();
        if (token.isWord("not")) {
            tokens.take();
            return unary().negate();
        }
        if (token.kind() == Kind.OPEN) {
            tokens.take();
            Predicate<JsonObject> inner = or();
            tokens.expect(Kind.CLOSE, "')'");
            return inner;
        }
        if (token.kind() == Kind.WORD
                && FUNCTIONS.contains(token.text())
                && tokens.peek(1).kind() == Kind.OPEN) {
            return function();
        }
        return comparison();
    }

    private Predicate<JsonObject> function() {
        Token name = tokens.take();
        tokens.take();
        Attribute attribute = attribute(tokens.expect(Kind.WORD, "an attribute name"));
        if (attribute.type() != EdmType.STRING) {
            throw error(name.text() + "() needs an Edm.String attribute, '" + attribute.name() + "' is "
                    + attribute.type().edmName());
        }
        tokens.expect(Kind.COMMA, "','");
        String argument = tokens.expect(Kind.STRING, "a quoted string").text();
        tokens.expect(Kind.CLOSE, "')'");
        BiPredicate<String, String> test = name.text().equals("contains")
                ? String::contains
                : name.text().equals("startswith") ? String::startsWith : String::endsWith;
        return record -> {
            JsonValue value = record.get(attribute.name());
            return value instanceof JsonString && test.test(((JsonString) value).getString(), argument);
        };
    }

    private Predicate<JsonObject> comparison() {
        Attribute attribute = attribute(tokens.expect(Kind.WORD, "an attribute name"));
        Token op = tokens.expect(Kind.WORD, "an operator (eq ne gt ge lt le)");
        Predicate<Integer> test = operator(op);
        Token value = tokens.peek();
        if (value.kind() == Kind.END || value.kind() == Kind.OPEN || value.kind() == Kind.CLOSE) {
            throw error("expected a literal after " + op.describe() + " but found " + value.describe());
        }
        tokens.take();
        if (value.isWord("null")) {
            boolean eq = op.text().equals("eq");
            if (!eq && !op.text().equals("ne")) {
                throw error("only eq and ne compare with null, not " + op.describe());
            }
            return record -> (record.get(attribute.name()) == JsonValue.NULL) == eq;
        }
        Object literal = literal(attribute, value);
        boolean ne = op.text().equals("ne");
        return record -> {
            JsonValue stored = record.get(attribute.name());
            if (stored == JsonValue.NULL) {
                return ne;
            }
            return test.test(Comparisons.compare(attribute.type().comparable(stored), literal));
        };
    }

    private Attribute attribute(Token name) {
        return set.attribute(name.text())
                .orElseThrow(() -> error("unknown attribute '" + name.text() + "' of " + set.name() + " at position "
                        + name.position()));
    }

    private static Predicate<Integer> operator(Token op) {
        Predicate<Integer> test = Comparisons.operator(op.text());
        if (test == null) {
            throw error("unknown operator " + op.describe() + ": expected eq ne gt ge lt le");
        }
        return test;
    }

    /** The literal as a value of the attribute's type, so that it compares like the column does. */
    private static Object literal(Attribute attribute, Token token) {
        Object value = null;
        switch (attribute.type()) {
            case STRING:
                value = token.kind() == Kind.STRING ? token.text() : null;
                break;
            case DECIMAL:
            case DOUBLE:
            case INT32:
            case INT64:
                value = token.kind() == Kind.NUMBER ? new BigDecimal(token.text()) : null;
                break;
            case BOOLEAN:
                value = token.isWord("true") ? Boolean.TRUE : token.isWord("false") ? Boolean.FALSE : null;
                break;
            case DATE_TIME_OFFSET:
                value = token.kind() == Kind.STRING || token.kind() == Kind.DATETIME
                        ? Timestamps.parse(token.text()).orElse(null)
                        : null;
                break;
            case GUID:
                value = (token.kind() == Kind.GUID || token.kind() == Kind.STRING) && Guids.isGuid(token.text())
                        ? Guids.normalize(token.text())
                        : null;
                break;
        }
        if (value == null) {
            throw error("'" + attribute.name() + "' is " + attribute.type().edmName() + ": cannot compare it with "
                    + token.describe());
        }
        return value;
    }

    private static ODataException error(String message) {
        return ODataException.badRequest("invalid $filter: " + message);
    }
}
