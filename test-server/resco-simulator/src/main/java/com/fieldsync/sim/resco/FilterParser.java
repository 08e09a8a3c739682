package com.fieldsync.sim.resco;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private enum Kind {
        WORD,
        STRING,
        GUID,
        DATETIME,
        NUMBER,
        OPEN,
        CLOSE,
        COMMA,
        END
    }

    private record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        String describe() {
            return kind == Kind.END ? "the end" : "'" + text + "' at position " + position;
        }
    }

    private record Lexeme(Kind kind, Pattern pattern) {
        Lexeme(Kind kind, String regex) {
            this(kind, Pattern.compile(regex));
        }
    }

    private static final String NOT_A_NAME_CHAR = "(?![0-9A-Za-z_])";

    // order matters: a GUID or a datetime would otherwise lex as a number or a word
    private static final List<Lexeme> LEXEMES = List.of(
            new Lexeme(Kind.GUID, Guids.PATTERN.pattern() + NOT_A_NAME_CHAR),
            new Lexeme(
                    Kind.DATETIME,
                    "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?"
                            + NOT_A_NAME_CHAR),
            new Lexeme(Kind.NUMBER, "-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?" + NOT_A_NAME_CHAR),
            new Lexeme(Kind.WORD, "[A-Za-z_][A-Za-z0-9_]*"));

    private static final List<String> FUNCTIONS = List.of("contains", "startswith", "endswith");

    private final EntitySet set;
    private final List<Token> tokens;
    private int next;

    private FilterParser(EntitySet set, String text) {
        this.set = set;
        this.tokens = tokenize(text);
    }

    static Predicate<JsonObject> parse(EntitySet set, String text) {
        FilterParser parser = new FilterParser(set, text);
        Predicate<JsonObject> predicate = parser.or();
        parser.expect(Kind.END, "'and', 'or', ')' or the end");
        return predicate;
    }

    private Predicate<JsonObject> or() {
        Predicate<JsonObject> left = and();
        while (peek().isWord("or")) {
            next++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonObject> and() {
        Predicate<JsonObject> left = unary();
        while (peek().isWord("and")) {
            next++;
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<JsonObject> unary() {
        Token token = peek();
        if (token.isWord("not")) {
            next++;
            return unary().negate();
        }
        if (token.kind() == Kind.OPEN) {
            next++;
            Predicate<JsonObject> inner = or();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        if (token.kind() == Kind.WORD
                && FUNCTIONS.contains(token.text())
                && tokens.get(next + 1).kind() == Kind.OPEN) {
            return function();
        }
        return comparison();
    }

    private Predicate<JsonObject> function() {
        Token name = tokens.get(next);
        next += 2;
        Attribute attribute = attribute(expect(Kind.WORD, "an attribute name"));
        if (attribute.type() != EdmType.STRING) {
            throw error(name.text() + "() needs an Edm.String attribute, '" + attribute.name() + "' is "
                    + attribute.type().edmName());
        }
        expect(Kind.COMMA, "','");
        String argument = expect(Kind.STRING, "a quoted string").text();
        expect(Kind.CLOSE, "')'");
        BiPredicate<String, String> test = name.text().equals("contains")
                ? String::contains
                : name.text().equals("startswith") ? String::startsWith : String::endsWith;
        return record -> {
            JsonValue value = record.get(attribute.name());
            return value instanceof JsonString && test.test(((JsonString) value).getString(), argument);
        };
    }

    private Predicate<JsonObject> comparison() {
        Attribute attribute = attribute(expect(Kind.WORD, "an attribute name"));
        Token op = expect(Kind.WORD, "an operator (eq ne gt ge lt le)");
        Predicate<Integer> test = operator(op);
        Token value = peek();
        if (value.kind() == Kind.END || value.kind() == Kind.OPEN || value.kind() == Kind.CLOSE) {
            throw error("expected a literal after " + op.describe() + " but found " + value.describe());
        }
        next++;
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
            return test.test(compare(attribute.type().comparable(stored), literal));
        };
    }

    private Attribute attribute(Token name) {
        return set.attribute(name.text())
                .orElseThrow(() -> error("unknown attribute '" + name.text() + "' of " + set.name() + " at position "
                        + name.position()));
    }

    @SuppressWarnings("unchecked")
    private static int compare(Comparable<?> stored, Object literal) {
        return ((Comparable<Object>) stored).compareTo(literal);
    }

    private static Predicate<Integer> operator(Token op) {
        switch (op.text()) {
            case "eq":
                return c -> c == 0;
            case "ne":
                return c -> c != 0;
            case "gt":
                return c -> c > 0;
            case "ge":
                return c -> c >= 0;
            case "lt":
                return c -> c < 0;
            case "le":
                return c -> c <= 0;
            default:
                throw error("unknown operator " + op.describe() + ": expected eq ne gt ge lt le");
        }
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
                        ? Dates.parse(token.text()).orElse(null)
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

    private Token peek() {
        return tokens.get(next);
    }

    private Token expect(Kind kind, String what) {
        Token token = tokens.get(next);
        if (token.kind() != kind) {
            throw error("expected " + what + " but found " + token.describe());
        }
        next++;
        return token;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA;
                tokens.add(new Token(kind, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                i = quoted(text, i, tokens);
            } else {
                i = lexeme(text, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        // a lookahead of two (function name, '(') never runs off the end
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    private static int quoted(String text, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw error("unterminated string literal starting at position " + start);
    }

    private static int lexeme(String text, int start, List<Token> tokens) {
        for (Lexeme lexeme : LEXEMES) {
            Matcher m = lexeme.pattern().matcher(text).region(start, text.length());
            if (m.lookingAt()) {
                tokens.add(new Token(lexeme.kind(), m.group(), start));
                return m.end();
            }
        }
        throw error("unexpected character '" + text.charAt(start) + "' at position " + start);
    }

    private static ODataException error(String message) {
        return ODataException.badRequest("invalid $filter: " + message);
    }
}
