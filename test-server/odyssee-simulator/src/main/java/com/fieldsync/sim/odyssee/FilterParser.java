package com.fieldsync.sim.odyssee;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private enum Kind {
        WORD,
        STRING,
        GUID,
        DATETIME,
        NUMBER,
        OPEN,
        CLOSE,
        END
    }

    private record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        String describe() {
            return kind == Kind.END ? "the end" : "'" + text + "' at position " + position;
        }
    }

    // order matters: a GUID or a datetime would otherwise lex as a number or a word
    private static final List<Lexeme> LEXEMES = List.of(
            new Lexeme(Kind.GUID, Guids.PATTERN.pattern() + "(?![0-9A-Za-z_])"),
            new Lexeme(
                    Kind.DATETIME, "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?"),
            new Lexeme(Kind.NUMBER, "-?\\d+(\\.\\d+)?(?![0-9A-Za-z_])"),
            new Lexeme(Kind.WORD, "[A-Za-z_][A-Za-z0-9_]*"));

    private record Lexeme(Kind kind, Pattern pattern) {
        Lexeme(Kind kind, String regex) {
            this(kind, Pattern.compile(regex));
        }
    }

    private final ControllerDef def;
    private final List<Token> tokens;
    private int next;

    private FilterParser(ControllerDef def, String text) {
        this.def = def;
        this.tokens = tokenize(text);
    }

    static Predicate<JsonObject> parse(ControllerDef def, String text) {
        FilterParser parser = new FilterParser(def, text);
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
        return comparison();
    }

    private Predicate<JsonObject> comparison() {
        Token name = expect(Kind.WORD, "a field name");
        FieldDef field = def.field(name.text())
                .orElseThrow(() -> error("unknown field '" + name.text() + "' for " + def.name()));
        Token op = expect(Kind.WORD, "an operator (eq ne gt ge lt le)");
        Predicate<Integer> test = operator(op);
        Token value = peek();
        if (value.kind() == Kind.END || value.kind() == Kind.OPEN || value.kind() == Kind.CLOSE) {
            throw error("expected a literal after " + op.describe() + " but found " + value.describe());
        }
        next++;
        Object literal = literal(field, value);
        return row -> test.test(compare(field.type().comparable(row.get(field.name())), literal));
    }

    @SuppressWarnings("unchecked")
    private static int compare(Comparable<?> stored, Object literal) {
        return ((Comparable<Object>) stored).compareTo(literal);
    }

    private static Predicate<Integer> operator(Token op) {
        switch (op.text().toLowerCase(Locale.ROOT)) {
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
                value = token.isWord("true") ? Boolean.TRUE : token.isWord("false") ? Boolean.FALSE : null;
                break;
            case DATETIME:
                value = token.kind() == Kind.STRING || token.kind() == Kind.DATETIME
                        ? Dates.parse(token.text()).orElse(null)
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
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                i = quoted(text, i, tokens);
            } else {
                i = lexeme(text, i, tokens);
            }
        }
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

    private static ApiException error(String message) {
        return ApiException.badRequest("invalid $filter: " + message);
    }
}
