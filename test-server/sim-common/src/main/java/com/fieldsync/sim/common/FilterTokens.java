package com.fieldsync.sim.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of a {@code $filter} expression and a cursor over them, for the simulators' recursive-descent filter
 * parsers. Quoted strings use {@code ''} for a quote; punctuation characters are single tokens; everything else is
 * read by the first matching {@link Lexeme}. The stream ends with {@link Kind#END} tokens enough for a lookahead of
 * two.
 */
public final class FilterTokens {
    /** Matches nothing, but only when not followed by a name character: ends a literal lexeme. */
    public static final String NOT_A_NAME_CHAR = "(?![0-9A-Za-z_])";

    /** What a token is. */
    public enum Kind {
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

    /** One token, at its position (0-based) in the expression. */
    public record Token(Kind kind, String text, int position) {
        /** Whether this is the word {@code word}, exactly. */
        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        /** Whether this is the word {@code word}, in any case. */
        public boolean isWordIgnoreCase(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        /** How an error message names it. */
        public String describe() {
            return kind == Kind.END ? "the end" : "'" + text + "' at position " + position;
        }
    }

    /** A kind of token and the pattern that reads it. */
    public record Lexeme(Kind kind, Pattern pattern) {
        public Lexeme(Kind kind, String regex) {
            this(kind, Pattern.compile(regex));
        }
    }

    private final List<Token> tokens;
    private final Function<String, ? extends RuntimeException> error;
    private int next;

    private FilterTokens(List<Token> tokens, Function<String, ? extends RuntimeException> error) {
        this.tokens = tokens;
        this.error = error;
    }

    /**
     * Splits {@code text} into tokens: {@code punctuation} characters among {@code (}, {@code )} and {@code ,}, quoted
     * strings, and {@code lexemes} tried in order. What cannot be read is thrown as {@code error} makes it of the
     * message, which the cursor's {@link #expect} uses too.
     */
    public static FilterTokens lex(
            String text, String punctuation, List<Lexeme> lexemes, Function<String, ? extends RuntimeException> error) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (punctuation.indexOf(c) >= 0) {
                Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA;
                tokens.add(new Token(kind, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                i = quoted(text, i, tokens, error);
            } else {
                i = lexeme(text, i, tokens, lexemes, error);
            }
        }
        // a lookahead of two (e.g. function name, '(') never runs off the end
        tokens.add(new Token(Kind.END, "", text.length()));
        tokens.add(new Token(Kind.END, "", text.length()));
        return new FilterTokens(tokens, error);
    }

    /** The next token, not consumed. */
    public Token peek() {
        return tokens.get(next);
    }

    /** The token {@code ahead} places after the next one (0: the next one), not consumed. */
    public Token peek(int ahead) {
        return tokens.get(next + ahead);
    }

    /** Consumes the next token and answers it. */
    public Token take() {
        return tokens.get(next++);
    }

    /** Consumes the next token, which must be of {@code kind}; otherwise an error "expected {@code what} …". */
    public Token expect(Kind kind, String what) {
        Token token = tokens.get(next);
        if (token.kind() != kind) {
            throw error.apply("expected " + what + " but found " + token.describe());
        }
        next++;
        return token;
    }

    private static int quoted(
            String text, int start, List<Token> tokens, Function<String, ? extends RuntimeException> error) {
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
        throw error.apply("unterminated string literal starting at position " + start);
    }

    private static int lexeme(
            String text,
            int start,
            List<Token> tokens,
            List<Lexeme> lexemes,
            Function<String, ? extends RuntimeException> error) {
        for (Lexeme lexeme : lexemes) {
            Matcher m = lexeme.pattern().matcher(text).region(start, text.length());
            if (m.lookingAt()) {
                tokens.add(new Token(lexeme.kind(), m.group(), start));
                return m.end();
            }
        }
        throw error.apply("unexpected character '" + text.charAt(start) + "' at position " + start);
    }
}
