package dev.qapi.generator.doc;

/** An output format of the reference documentation. */
public enum DocFormat {
    /** HTML pages with their stylesheet. */
    HTML("html"),
    /** Markdown pages (CommonMark with GitHub's tables). */
    MARKDOWN("md");

    private final String extension;

    DocFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension of its pages, without the dot. */
    public String extension() {
        return extension;
    }
}
