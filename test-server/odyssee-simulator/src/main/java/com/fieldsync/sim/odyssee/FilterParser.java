package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Comparisons;
import com.fieldsync.sim.common.FilterTokens;
import com.fieldsync.sim.common.FilterTokens.Kind;
import com.fieldsync.sim.common.FilterTokens.Lexeme;
import com.fieldsync.sim.common.FilterTokens.Token;
import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.Timestamps;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Parses the {@code $filter} subset Odyssee documents into a row predicate.
 *
 * <pre>
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*          -- 'and' binds tighter than 'or'
 * unary      := 'not' unary | '(' or ')' | comparison
 * comparison := field ('eq'|'ne'|'gt'|'ge'|'lt'|'le') literal
 * literal    := 'quoted' ('' escapes a quote) | GUID | number | true | false | bare datetime
 * </pre>
 *
 * The literal is read by the field's type: a quoted literal against a datetime column compares as an instant, a
 * GUID compares case-insensitively. Errors are 400s that say what and where.
 */
final class FilterParser {
    // order matters: a GUID or a datetime would otherwise lex as a number or a word
    private static final List<Lexeme> LEXEMES = List.of(
            new Lexeme(Kind.GUID, Guids.PATTERN.pattern() + FilterTokens.NOT_A_NAME_CHAR),
            new Lexeme(
                    Kind.DATETIME, "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?"),
            new Lexeme(Kind.NUMBER, "-?\\d+(\\.\\d+)?" + FilterTokens.NOT_A_NAME_CHAR),
            new Lexeme(Kind.WORD, "[A-Za-z_][A-Za-z0-9_]*"));

    private final ControllerDef def;
    private final FilterTokens tokens;

    private FilterParser(ControllerDef def, String text) {
        this.def = def;
        this.tokens = FilterTokens.lex(text, "()", LEXEMES, FilterParser::error);
    }

    static Predicate<JsonObject> parse(ControllerDef def, String text) {
        FilterParser parser = new FilterParser(def, text);
        Predicate<JsonObject> predicate = parser.or();
        parser.tokens.expect(Kind.END, "'and', 'or', ')' or the end");
        return predicate;
    }

    private Predicate<JsonObject> or() {
        Predicate<JsonObject> left = and();
        while (tokens.peek().isWordIgnoreCase("or")) {
            tokens.take();
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonObject> and() {
        Predicate<JsonObject> left = unary();
        while (tokens.peek().isWordIgnoreCase("and")) {
            tokens.take();
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<JsonObject> unary() {
        Token token = tokens.peek();
        if (token.isWordIgnoreCase("not")) {
            tokens.take();
            return unary().negate();
        }
        if (token.kind() == Kind.OPEN) {
            tokens.take();
            Predicate<JsonObject> inner = or();
            tokens.expect(Kind.CLOSE, "')'");
            return inner;
        }
        return comparison();
    }

    private Predicate<JsonObject> comparison() {
        Token name = tokens.expect(Kind.WORD, "a field name");
        FieldDef field = def.field(name.text())
                .orElseThrow(() -> error("unknown field '" + name.text() + "' for " + def.name()));
        Token op = tokens.expect(Kind.WORD, "an operator (eq ne gt ge lt le)");
        Predicate<Integer> test = operator(op);
        Token value = tokens.peek();
        if (value.kind() == Kind.END || value.kind() == Kind.OPEN || value.kind() == Kind.CLOSE) {
            throw error("expected a literal after " + op.describe() + " but found " + value.describe());
        }
        tokens.take();
        Object literal = literal(field, value);
        return row -> test.test(Comparisons.compare(field.type().comparable(row.get(field.name())), literal));
    }

    private static Predicate<Integer> operator(Token op) {
        Predicate<Integer> test = Comparisons.operator(op.text().toLowerCase(Locale.ROOT));
        if (test == null) {
            throw error("unknown operator " + op.describe() + ": expected eq ne gt ge lt le");
        }
        return test;
    }

    /** The literal as a value of the field's type, so that it compares like the column does. */
    private static Object literal(FieldDef field, Token token) {
        Object value;
        switch (field.type()) {
            case TEXT:
            case BASE64:
                value = token.kind() == Kind.STRING ? token.text() : null;
                break;
            case DECIMAL:
                value = token.kind() == Kind.NUMBER ? new BigDecimal(token.text()) : null;
                break;
            case BOOLEAN:
                value = token.isWordIgnoreCase("true")
                        ? Boolean.TRUE
                        : token.isWordIgnoreCase("false") ? Boolean.FALSE : null;
                break;
            case DATETIME:
                value = token.kind() == Kind.STRING || token.kind() == Kind.DATETIME
                        ? Timestamps.parse(token.text()).orElse(null)
                        : null;
                break;
            case GUID:
                value = (token.kind() == Kind.GUID || token.kind() == Kind.STRING) && Guids.isGuid(token.text())
                        ? Guids.normalize(token.text())
                        : null;
                break;
            default:
                throw new IllegalStateException(field.type().name());
        }
        if (value == null) {
            throw error("field '" + field.name() + "' is " + field.type().description() + ": cannot compare it with "
                    + token.describe());
        }
        return value;
    }

    private static ApiException error(String message) {
        return ApiException.badRequest("invalid $filter: " + message);
    }
}
