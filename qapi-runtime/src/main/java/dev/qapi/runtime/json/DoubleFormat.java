package dev.qapi.runtime.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf("%.17g", d)} as glibc prints it, which is how QEMU writes every double: 17
 * significant digits, correctly rounded (ties to even) from the exact binary value; fixed notation when
 * the decimal exponent X satisfies -4 &lt;= X &lt; 17, else {@code d.ddde±XX}; trailing zeros and a
 * bare decimal point removed; {@code inf}, {@code -inf}, {@code nan}, {@code -nan} for the special
 * values (glibc prints the sign of a NaN).
 */
final class DoubleFormat {

    private static final int PRECISION = 17;
    private static final MathContext ROUNDING = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

    /** Integral doubles below this print as the integer itself (at most 17 digits, fixed notation). */
    private static final double EXACT_INTEGER_LIMIT = 1e17;

    private DoubleFormat() {
    }

    /** {@code %.17g} of {@code d}. */
    static String format(double d) {
        boolean negative = (Double.doubleToRawLongBits(d) & Long.MIN_VALUE) != 0;
        if (Double.isNaN(d)) {
            return negative ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return negative ? "-inf" : "inf";
        }
        if (d == 0) {
            return negative ? "-0" : "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) d);
        }
        BigDecimal rounded = new BigDecimal(d).round(ROUNDING);
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        int significant = digits.length();
        while (significant > 1 && digits.charAt(significant - 1) == '0') {
            significant--;
        }
        digits = digits.substring(0, significant);

        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= PRECISION) {
            out.append(digits.charAt(0));
            if (significant > 1) {
                out.append('.').append(digits, 1, significant);
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1));
            out.append(digits);
        } else if (significant <= exponent + 1) {
            out.append(digits);
            out.append("0".repeat(exponent + 1 - significant));
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, significant);
        }
        return out.toString();
    }
}
