package dev.qapi.generator.doc;

import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a generated site the way a reader's browser would find it: every link within the site leads to
 * a page that exists and to an id on it, no id is used twice on a page, and (HTML) every element is
 * closed in order.
 */
final class SiteCheck {
    private static final Pattern HTML_ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Pattern HTML_HREF = Pattern.compile("\\shref=\"([^\"]*)\"");
    private static final Pattern HTML_TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");
    private static final Set<String> VOID = Set.of("meta", "link", "br", "hr", "img", "input", "wbr");
    private static final Pattern MD_ID = Pattern.compile("<a id=\"([^\"]*)\"></a>");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]*)\\)");
    private static final Pattern MD_FENCE = Pattern.compile("(?ms)^ *(```|~~~~)$.*?^ *\\1$");
    private static final Pattern MD_CODE_SPAN = Pattern.compile("(`+)(?!`).*?(?<!`)\\1(?!`)");

    private SiteCheck() {
    }

    /** What is wrong with the site's pages of {@code format}; empty when nothing is. */
    static List<String> problems(GeneratedFiles site, DocFormat format) {
        String ext = "." + format.extension();
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, List<String>> links = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (GeneratedFile f : site.files()) {
            if (!f.path().endsWith(ext)) {
                continue;
            }
            String text = format == DocFormat.HTML ? f.text()
                    : MD_CODE_SPAN.matcher(MD_FENCE.matcher(f.text()).replaceAll("")).replaceAll("``");
            Set<String> pageIds = new HashSet<>();
            Matcher id = (format == DocFormat.HTML ? HTML_ID : MD_ID).matcher(text);
            while (id.find()) {
                if (!pageIds.add(unescape(id.group(1)))) {
                    problems.add(f.path() + ": id '" + id.group(1) + "' used twice");
                }
            }
            ids.put(f.path(), pageIds);
            List<String> targets = new ArrayList<>();
            Matcher href = (format == DocFormat.HTML ? HTML_HREF : MD_LINK).matcher(text);
            while (href.find()) {
                targets.add(unescape(href.group(1)));
            }
            links.put(f.path(), targets);
            if (format == DocFormat.HTML) {
                balance(f, problems);
            }
        }
        for (Map.Entry<String, List<String>> page : links.entrySet()) {
            for (String target : page.getValue()) {
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                String resolved = file.isEmpty() ? page.getKey() : file;
                if (resolved.endsWith(".css")) {
                    if (site.file(resolved).isEmpty()) {
                        problems.add(page.getKey() + ": stylesheet " + resolved + " missing");
                    }
                } else if (!ids.containsKey(resolved)) {
                    problems.add(page.getKey() + ": link to missing page " + target);
                } else if (anchor != null && !ids.get(resolved).contains(anchor)) {
                    problems.add(page.getKey() + ": link to missing anchor " + target);
                }
            }
        }
        return problems;
    }

    /** Every element closed, in order. */
    private static void balance(GeneratedFile f, List<String> problems) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = HTML_TAG.matcher(f.text());
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (VOID.contains(name)) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else if (open.isEmpty() || !open.pop().equals(name)) {
                problems.add(f.path() + ": unbalanced </" + name + "> at offset " + tag.start());
                return;
            }
        }
        if (!open.isEmpty()) {
            problems.add(f.path() + ": unclosed <" + open.peek() + ">");
        }
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
