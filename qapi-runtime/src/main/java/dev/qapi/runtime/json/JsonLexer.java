package dev.qapi.runtime.json;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * QEMU's JSON lexer as a table-driven state machine: cuts a byte stream into tokens and lexical errors.
 *
 * <p>It accepts QEMU's dialect (see {@code qobject/json-lexer.c} for the behaviour): strings in double or
 * single quotes whose bytes are not checked here, {@code [a-z]+} keywords, RFC 8259 numbers, and space,
 * tab, CR and LF as whitespace. Interpolation is off, as on a QMP stream. Numbers and keywords end only
 * when the byte after them arrives. After a lexical error the lexer skips input until a structural
 * character or a control byte other than tab (or 0xFE/0xFF) and then lexes that byte afresh.
 *
 * <p>A token longer than {@link #MAX_TOKEN_SIZE} bytes is reported to {@link TokenSink#tokenTooLong()} as
 * soon as it has one byte too many; the lexer then starts over in the start state (not in recovery).
 *
 * <p>Memory: the current token's bytes, in a buffer that starts small and grows to one
 * {@link TokenText#CHUNK}; a longer token goes on in further chunks of that size (never copied while it
 * grows), which are let go when it ends: a lexical error hands them over to the sink, other tokens are
 * joined into one array for the parser.
 */
final class JsonLexer {

    /** Receives tokens; each method returns whether the lexer should go on after the current byte. */
    interface TokenSink {
        /** A complete token (never {@link #ERROR}). {@code text} is valid only during the call. */
        boolean token(int type, byte[] text, int length);

        /** A lexical error: the token so far, including the offending byte; the sink may keep it. */
        boolean error(TokenText text);

        /** The current token has grown past {@link #MAX_TOKEN_SIZE}; its bytes are dropped. */
        boolean tokenTooLong();
    }

    /** Largest token, in bytes, before {@link TokenSink#tokenTooLong()} ({@code 64ULL << 20} in QEMU). */
    static final int MAX_TOKEN_SIZE = 64 << 20;

    // Token types, as passed to TokenSink.token. ERROR is 0 so that an unset table entry means "error".
    static final int ERROR = 0;
    static final int LCURLY = 16;
    static final int RCURLY = 17;
    static final int LSQUARE = 18;
    static final int RSQUARE = 19;
    static final int COLON = 20;
    static final int COMMA = 21;
    static final int INTEGER = 22;
    static final int FLOAT = 23;
    static final int KEYWORD = 24;
    static final int STRING = 25;

    // Lexer states, all below the first token type.
    private static final int RECOVERY = 1;
    private static final int DQ_ESCAPE = 2;
    private static final int DQ_STRING = 3;
    private static final int SQ_ESCAPE = 4;
    private static final int SQ_STRING = 5;
    private static final int ZERO = 6;
    private static final int EXP_DIGITS = 7;
    private static final int EXP_SIGN = 8;
    private static final int EXP_E = 9;
    private static final int MANTISSA = 10;
    private static final int MANTISSA_DIGITS = 11;
    private static final int DIGITS = 12;
    private static final int SIGN = 13;
    private static final int IN_KEYWORD = 14;
    private static final int START = 15;
    private static final int STATES = 16;

    /** Set on a transition that does not consume its byte: the byte is looked at again in the new state. */
    private static final int LOOKAHEAD = 0x80;

    /** {@code TABLE[state << 8 | byte]}: the next state or token type, possibly with {@link #LOOKAHEAD}. */
    private static final byte[] TABLE = buildTable();

    private static final int INITIAL_CAPACITY = 32;

    private final TokenSink sink;
    private int state = START;
    /** The current token's last bytes; full chunks before them are in {@link #spill}. */
    private byte[] token = new byte[INITIAL_CAPACITY];
    private int tokenLength;
    private final ArrayList<byte[]> spill = new ArrayList<>();
    private boolean stop;

    JsonLexer(TokenSink sink) {
        this.sink = sink;
    }

    /**
     * Lexes {@code buf[off, off + len)}, stopping after the first byte during which a sink method returned
     * false (that byte is still processed to its end, so several tokens may be delivered for it).
     *
     * @return the number of bytes consumed
     */
    int feed(byte[] buf, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (state == DQ_STRING || state == SQ_STRING) {
                int run = plainStringRun(buf, i, end);
                if (run > 0) {
                    append(buf, i, run);
                    i += run;
                    continue;
                }
            }
            step(buf[i++] & 0xFF);
            if (stop) {
                stop = false;
                break;
            }
        }
        return i - off;
    }

    /** Whether the lexer is between tokens: in the start state with nothing of a token read. */
    boolean betweenTokens() {
        return state == START && tokenLength == 0 && spill.isEmpty();
    }

    /** The bytes of the token read so far. */
    long held() {
        return (long) spill.size() * TokenText.CHUNK + tokenLength;
    }

    /**
     * Skips whitespace at {@code buf[i, end)}, as the start state does (it is nothing to the lexer
     * {@link #betweenTokens()}).
     *
     * @return the index of the first other byte, or {@code end}
     */
    static int skipWhitespace(byte[] buf, int i, int end) {
        while (i < end && isWhitespace(buf[i])) {
            i++;
        }
        return i;
    }

    /** QEMU's JSON whitespace: space, tab, CR and LF. */
    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Drops the current token and returns to the start state. */
    void reset() {
        state = START;
        clearToken();
        stop = false;
    }

    /**
     * How many bytes from {@code i} stay inside the current string without changing state: the hot path
     * for long strings. Stops short of the token size limit so that the byte crossing it is stepped.
     */
    private int plainStringRun(byte[] buf, int i, int end) {
        int quote = state == DQ_STRING ? '"' : '\'';
        long room = MAX_TOKEN_SIZE - held();
        int limit = end - i <= room ? end : i + (int) room;
        int j = i;
        while (j < limit) {
            int b = buf[j] & 0xFF;
            if (b < 0x20 || b >= 0xFE || b == quote || b == '\\') {
                break;
            }
            j++;
        }
        return j - i;
    }

    private void step(int b) {
        boolean consumed;
        do {
            int entry = TABLE[state << 8 | b] & 0xFF;
            int next = entry & ~LOOKAHEAD;
            consumed = (entry & LOOKAHEAD) == 0;
            if (next >= LCURLY) {
                if (consumed) {
                    append(b);
                }
                stop |= !emit(next);
                clearToken();
                state = START;
            } else if (next == ERROR) {
                append(b);
                stop |= !emitError();
                clearToken();
                state = RECOVERY;
            } else if (next == START || next == RECOVERY) {
                // Whitespace and skipped bytes are not part of any token.
                tokenLength = 0;
                state = next;
            } else {
                if (consumed) {
                    append(b);
                }
                state = next;
            }
        } while (!consumed);
        if (held() > MAX_TOKEN_SIZE) {
            stop |= !sink.tokenTooLong();
            clearToken();
            state = START;
        }
    }

    /** Hands a complete token to the sink, in one array. */
    private boolean emit(int type) {
        if (spill.isEmpty()) {
            return sink.token(type, token, tokenLength);
        }
        byte[] whole = takeText().toArray();
        return sink.token(type, whole, whole.length);
    }

    private boolean emitError() {
        return sink.error(spill.isEmpty() ? TokenText.copyOf(token, tokenLength) : takeText());
    }

    /** The current token's bytes, taken over from the lexer, which starts a new token. */
    private TokenText takeText() {
        TokenText text = new TokenText(spill, token, tokenLength);
        spill.clear();
        token = new byte[INITIAL_CAPACITY];
        tokenLength = 0;
        return text;
    }

    private void append(int b) {
        if (tokenLength == token.length) {
            makeRoom(1);
        }
        token[tokenLength++] = (byte) b;
    }

    private void append(byte[] buf, int off, int len) {
        while (len > 0) {
            if (tokenLength == token.length) {
                makeRoom(len);
            }
            int n = Math.min(len, token.length - tokenLength);
            System.arraycopy(buf, off, token, tokenLength, n);
            tokenLength += n;
            off += n;
            len -= n;
        }
    }

    /** Grows the buffer up to one chunk; a full chunk is set aside and a new one started. */
    private void makeRoom(int wanted) {
        if (token.length < TokenText.CHUNK) {
            int capacity = (int) Math.min(TokenText.CHUNK, Math.max((long) tokenLength + wanted, 2L * token.length));
            token = Arrays.copyOf(token, capacity);
        } else {
            spill.add(token);
            token = new byte[TokenText.CHUNK];
            tokenLength = 0;
        }
    }

    private void clearToken() {
        tokenLength = 0;
        if (!spill.isEmpty()) {
            spill.clear();
            token = new byte[INITIAL_CAPACITY];
        }
    }

    private static byte[] buildTable() {
        byte[] t = new byte[STATES * 256]; // all ERROR

        // Recovery: skip until a structural character, a control byte other than tab, or 0xFE/0xFF,
        // then look at that byte again in the start state.
        fill(t, RECOVERY, 0x00, 0x1F, START | LOOKAHEAD);
        fill(t, RECOVERY, 0x20, 0xFD, RECOVERY);
        fill(t, RECOVERY, 0xFE, 0xFF, START | LOOKAHEAD);
        fill(t, RECOVERY, '\t', '\t', RECOVERY);
        for (char c : "[]{}:,".toCharArray()) {
            fill(t, RECOVERY, c, c, START | LOOKAHEAD);
        }

        // Strings: any byte 0x20..0xFD, backslash escapes the next such byte (checked by the parser).
        fill(t, DQ_ESCAPE, 0x20, 0xFD, DQ_STRING);
        fill(t, DQ_STRING, 0x20, 0xFD, DQ_STRING);
        fill(t, DQ_STRING, '\\', '\\', DQ_ESCAPE);
        fill(t, DQ_STRING, '"', '"', STRING);
        fill(t, SQ_ESCAPE, 0x20, 0xFD, SQ_STRING);
        fill(t, SQ_STRING, 0x20, 0xFD, SQ_STRING);
        fill(t, SQ_STRING, '\\', '\\', SQ_ESCAPE);
        fill(t, SQ_STRING, '\'', '\'', STRING);

        // Numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, ended by any byte that cannot continue.
        terminal(t, ZERO, INTEGER);
        fill(t, ZERO, '0', '9', ERROR);
        fill(t, ZERO, '.', '.', MANTISSA);
        terminal(t, DIGITS, INTEGER);
        fill(t, DIGITS, '0', '9', DIGITS);
        fill(t, DIGITS, '.', '.', MANTISSA);
        fill(t, DIGITS, 'e', 'e', EXP_E);
        fill(t, DIGITS, 'E', 'E', EXP_E);
        fill(t, SIGN, '0', '0', ZERO);
        fill(t, SIGN, '1', '9', DIGITS);
        fill(t, MANTISSA, '0', '9', MANTISSA_DIGITS);
        terminal(t, MANTISSA_DIGITS, FLOAT);
        fill(t, MANTISSA_DIGITS, '0', '9', MANTISSA_DIGITS);
        fill(t, MANTISSA_DIGITS, 'e', 'e', EXP_E);
        fill(t, MANTISSA_DIGITS, 'E', 'E', EXP_E);
        fill(t, EXP_E, '-', '-', EXP_SIGN);
        fill(t, EXP_E, '+', '+', EXP_SIGN);
        fill(t, EXP_E, '0', '9', EXP_DIGITS);
        fill(t, EXP_SIGN, '0', '9', EXP_DIGITS);
        terminal(t, EXP_DIGITS, FLOAT);
        fill(t, EXP_DIGITS, '0', '9', EXP_DIGITS);

        // Keywords: [a-z]+, validated by the parser.
        terminal(t, IN_KEYWORD, KEYWORD);
        fill(t, IN_KEYWORD, 'a', 'z', IN_KEYWORD);

        fill(t, START, '"', '"', DQ_STRING);
        fill(t, START, '\'', '\'', SQ_STRING);
        fill(t, START, '0', '0', ZERO);
        fill(t, START, '1', '9', DIGITS);
        fill(t, START, '-', '-', SIGN);
        fill(t, START, '{', '{', LCURLY);
        fill(t, START, '}', '}', RCURLY);
        fill(t, START, '[', '[', LSQUARE);
        fill(t, START, ']', ']', RSQUARE);
        fill(t, START, ',', ',', COMMA);
        fill(t, START, ':', ':', COLON);
        fill(t, START, 'a', 'z', IN_KEYWORD);
        for (char c : " \t\r\n".toCharArray()) {
            fill(t, START, c, c, START);
        }
        return t;
    }

    private static void fill(byte[] t, int state, int from, int to, int next) {
        Arrays.fill(t, state << 8 | from, (state << 8 | to) + 1, (byte) next);
    }

    /** Every byte not given another transition ends the token without being consumed. */
    private static void terminal(byte[] t, int state, int type) {
        fill(t, state, 0x00, 0xFF, type | LOOKAHEAD);
    }
}
