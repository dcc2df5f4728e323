package dev.qapi.parser.syntax;

/**
 * File-name arithmetic done on strings exactly as Python's {@code os.path} does it on POSIX, because
 * QEMU prints included file names as {@code os.path.join(os.path.dirname(includer), include)}.
 */
final class PythonPath {

    private PythonPath() {
    }

    /** {@code os.path.dirname}: everything before the last {@code /}, trailing slashes removed unless all slashes. */
    static String dirname(String path) {
        int i = path.lastIndexOf('/') + 1;
        String head = path.substring(0, i);
        if (!head.isEmpty() && !allSlashes(head)) {
            int end = head.length();
            while (end > 0 && head.charAt(end - 1) == '/') {
                end--;
            }
            head = head.substring(0, end);
        }
        return head;
    }

    private static boolean allSlashes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '/') {
                return false;
            }
        }
        return true;
    }

    /** {@code os.path.join(a, b)} for two components. */
    static String join(String a, String b) {
        if (b.startsWith("/") || a.isEmpty()) {
            return b;
        }
        return a.endsWith("/") ? a + b : a + "/" + b;
    }
}
