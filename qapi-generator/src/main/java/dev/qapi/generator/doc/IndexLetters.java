package dev.qapi.generator.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The alphabetical index cut into groups by initial, for the letter bar. */
final class IndexLetters {

    private IndexLetters() {
    }

    /**
     * The entries starting with one letter.
     *
     * @param letter the upper-case initial, or {@code #} for names that start with no letter
     * @param id the group's element id on the index page
     */
    record Group(String letter, String id, List<Page.IndexEntry> entries) {
    }

    /** The groups of entries already in alphabetical order. */
    static List<Group> groups(List<Page.IndexEntry> entries) {
        List<Group> out = new ArrayList<>();
        String current = null;
        List<Page.IndexEntry> members = null;
        for (Page.IndexEntry e : entries) {
            char c = e.link().text().charAt(0);
            String letter = Character.isLetter(c) ? String.valueOf(c).toUpperCase(Locale.ROOT) : "#";
            if (!letter.equals(current)) {
                members = new ArrayList<>();
                current = letter;
                out.add(new Group(letter, letter.equals("#") ? "idx-other" : "idx-" + letter, members));
            }
            members.add(e);
        }
        return out.stream().map(g -> new Group(g.letter(), g.id(), List.copyOf(g.entries()))).toList();
    }
}
