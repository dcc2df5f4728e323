package dev.qapi.generator.java.render;

/**
 * Where {@link SpecEmitter} writes: the text of the file ({@link LineWriter}), or nowhere while the
 * imports are collected ({@link #DISCARD}). The operations are those of JavaPoet's {@code CodeWriter}
 * that a spec's layout uses.
 */
interface CodeOutput {

    /** Writes text, which may hold line breaks (any of those {@code \R} matches). */
    void text(String s);

    /** Indents following lines {@code levels} more levels. */
    void indent(int levels);

    /** Indents following lines {@code levels} fewer levels. */
    void unindent(int levels);

    /** {@code $W}: a space where the line may be wrapped. */
    void wrappingSpace();

    /** {@code $Z}: a place where the line may be wrapped, written as nothing otherwise. */
    void zeroWidthSpace();

    /** {@code $[}: a statement begins; its continuation lines get two more levels. */
    void beginStatement();

    /** {@code $]}: the statement ends. */
    void endStatement();

    /** Sets the statement state aside while a nested type is written, returning it for {@link #resumeStatement}. */
    int suspendStatement();

    /** Restores what {@link #suspendStatement} returned. */
    void resumeStatement(int state);

    /** Starts or ends Javadoc: lines get the {@code " * "} prefix. */
    void javadoc(boolean on);

    /** Starts or ends a {@code //} comment; the next text gets the {@code "// "} prefix even mid-line. */
    void comment(boolean on);

    /** The last character written, or {@code '\0'}. */
    char lastChar();

    /** Writes nothing: for walking the specs to collect the names they use. */
    CodeOutput DISCARD = new CodeOutput() {
        @Override
        public void text(String s) {
        }

        @Override
        public void indent(int levels) {
        }

        @Override
        public void unindent(int levels) {
        }

        @Override
        public void wrappingSpace() {
        }

        @Override
        public void zeroWidthSpace() {
        }

        @Override
        public void beginStatement() {
        }

        @Override
        public void endStatement() {
        }

        @Override
        public int suspendStatement() {
            return -1;
        }

        @Override
        public void resumeStatement(int state) {
        }

        @Override
        public void javadoc(boolean on) {
        }

        @Override
        public void comment(boolean on) {
        }

        @Override
        public char lastChar() {
            return '\n';
        }
    };
}
