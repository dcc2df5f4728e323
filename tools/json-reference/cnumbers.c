/*
 * Reference values for qapi-runtime's number tests, from the C library QEMU uses (glibc):
 *   printf-17g.txt  <double as 16 hex digits> <printf("%.17g")>
 *   strtod.txt      <input> <strtod(input) as 16 hex digits>
 * Build and run (see README.md):
 *   gcc -O2 -o /tmp/cnumbers cnumbers.c -lm && /tmp/cnumbers OUTDIR
 * The inputs come from a fixed-seed generator, so the files are reproducible.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static double from_bits(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t to_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static FILE *g17, *sto;

static void g(double d)
{
    fprintf(g17, "%016llx %.17g\n", (unsigned long long)to_bits(d), d);
}

static void s(const char *text)
{
    fprintf(sto, "%s %016llx\n", text, (unsigned long long)to_bits(strtod(text, NULL)));
}

int main(int argc, char **argv)
{
    char path[4096], buf[4096];
    int i, e;

    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    snprintf(path, sizeof path, "%s/printf-17g.txt", argv[1]);
    g17 = fopen(path, "w");
    snprintf(path, sizeof path, "%s/strtod.txt", argv[1]);
    sto = fopen(path, "w");
    if (!g17 || !sto) {
        perror("fopen");
        return 1;
    }

    /* %.17g: special values, edges of fixed notation, powers, ties, random bit patterns */
    g(0.0); g(-0.0); g(INFINITY); g(-INFINITY); g(NAN); g(-NAN);
    g(1.0); g(0.1); g(-9223372036854775809.0); g(5e-324); g(-5e-324); g(1.7976931348623157e308);
    g(2.2250738585072014e-308); g(ldexp(1, -25)); g(0.0001); g(0.00001); g(1e16); g(1e17);
    g(99999999999999999.0); g(1e23); g(123456789012345678.0); g(0.5); g(9.5); g(-1.5e-5);
    for (e = -1074; e <= 1023; e++) {
        g(ldexp(1, e));
        g(-ldexp(3, e - 1));
    }
    for (e = -30; e <= 30; e++) {
        g(pow(10, e));
        g(nextafter(pow(10, e), 0));
        g(nextafter(pow(10, e), INFINITY));
    }
    for (i = 0; i < 6000; i++) {
        double d = from_bits(next());
        if (!isnan(d)) {
            g(d);
        }
    }
    for (i = 0; i < 3000; i++) {
        /* moderate magnitudes, where fixed notation and integer shortcuts apply */
        double d = (double)(int64_t)(next() >> (next() % 64)) / pow(10, (int)(next() % 24));
        g(i % 2 ? -d : d);
        g(floor(d));
    }

    /* strtod: short decimal inputs, halfway cases, and inputs longer than 1000 characters */
    s("0"); s("-0"); s("1e400"); s("-1e400"); s("1e-400"); s("2.4703282292062327e-324");
    s("2.4703282292062328e-324"); s("9007199254740993"); s("9007199254740993.000000000001");
    s("18446744073709551616"); s("-9223372036854775809"); s("0.1"); s("1.7976931348623158e308");
    s("1.7976931348623159e308"); s("1e0000000000000000000000000000000000000000000000000000000000005");
    for (i = 0; i < 4000; i++) {
        int digits = 1 + next() % 25, point = next() % (digits + 1), k;
        char *p = buf;
        if (next() % 2) {
            *p++ = '-';
        }
        for (k = 0; k < digits; k++) {
            if (k == point && k > 0) {
                *p++ = '.';
            }
            *p++ = (k == 0 && digits > 1 && point != 1 ? '1' + next() % 9 : '0' + next() % 10);
        }
        if (next() % 2) {
            p += sprintf(p, "e%d", (int)(next() % 700) - 350);
        }
        *p = 0;
        if (buf[buf[0] == '-'] == '0' && digits > 1 && buf[1 + (buf[0] == '-')] != '.') {
            continue; /* not a JSON number */
        }
        s(buf);
    }
    for (i = 0; i < 200; i++) {
        /* the exact decimal value of a midpoint between two doubles: ties to even, and just above */
        double d = from_bits(next() & 0x7FEFFFFFFFFFFFFFull);
        long double mid = ((long double)d + (long double)nextafter(d, INFINITY)) / 2;
        int n = snprintf(buf, sizeof buf, "%.1100Le", mid);
        char *exp = strchr(buf, 'e');
        char tail[16];
        strcpy(tail, exp);
        *exp = 0;
        s(strcat(buf, tail));
        buf[n - strlen(tail)] = 0;
        strcat(buf, "1");
        s(strcat(buf, tail));
    }
    fclose(g17);
    fclose(sto);
    return 0;
}
