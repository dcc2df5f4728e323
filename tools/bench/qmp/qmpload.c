/*
 * The QMP load client: one program, used unchanged against every server of the benchmark.
 *
 *   qmpload MODE PATTERN CONNS [WARMUP_MS MEASURE_MS [INFLIGHT]]
 *
 *   PATTERN   socket path with one %d, e.g. /tmp/q/mon-%d.sock: connection i goes to monitor i
 *   pingpong  every connection keeps one {"execute": "query-version", "id": N} in flight;
 *             prints the aggregate rate and the p50/p99 round-trip latency
 *   pipeline  every connection keeps INFLIGHT requests in flight (default 256), written in batches
 *   connect   connects and negotiates CONNS monitors, prints the time it took, then holds them
 *             until stdin is closed (so the caller can measure the server meanwhile)
 *
 * Each connection reads the greeting (a line starting {"QMP"), sends qmp_capabilities and waits for
 * {"return" before the measured traffic starts. Responses are CRLF-terminated lines (compact
 * monitors); one that does not start with {"return" counts as an error. Only responses that arrive
 * in the MEASURE_MS window after WARMUP_MS count. One thread, one epoll set.
 *
 * Output, one line: mode=... conns=... inflight=... secs=... responses=... rps=... p50_us=...
 * p99_us=... errors=... connect_ms=... answered=... (answered: all responses, warm-up and drain
 * included, for the caller's CPU-per-request figure)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

enum mode { PINGPONG, PIPELINE, CONNECT };
enum phase { GREETING, NEGOTIATING, RUNNING };

struct conn {
    int fd;
    enum phase phase;
    int want_out;
    long in_flight;
    uint64_t sent_at;      /* pingpong: when the outstanding request went out */
    size_t line_pos;       /* bytes of the current response line seen so far */
    int line_bad;          /* the current line does not start as expected */
    char *out;             /* unsent request bytes */
    size_t out_len, out_off, out_cap;
};

static enum mode mode;
static long inflight = 1;
static uint64_t next_id;
static uint64_t window_start, window_end;
static int measuring;
static long responses, errors;
static long answered; /* every response to a measured-traffic request, warm-up and drain included */
static uint32_t *lat;
static size_t lat_n, lat_cap;
static int ep;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void append(struct conn *c, const char *s, size_t n) {
    if (c->out_len + n > c->out_cap) {
        if (c->out_off > 0) {
            memmove(c->out, c->out + c->out_off, c->out_len - c->out_off);
            c->out_len -= c->out_off;
            c->out_off = 0;
        }
        if (c->out_len + n > c->out_cap) {
            c->out_cap = (c->out_len + n) * 2;
            c->out = realloc(c->out, c->out_cap);
        }
    }
    memcpy(c->out + c->out_len, s, n);
    c->out_len += n;
}

static void append_request(struct conn *c) {
    char buf[64];
    char digits[24];
    int d = 0;
    uint64_t id = next_id++;
    do {
        digits[d++] = (char)('0' + id % 10);
        id /= 10;
    } while (id);
    static const char head[] = "{\"execute\": \"query-version\", \"id\": ";
    memcpy(buf, head, sizeof head - 1);
    size_t n = sizeof head - 1;
    while (d) buf[n++] = digits[--d];
    buf[n++] = '}';
    buf[n++] = '\n';
    append(c, buf, n);
}

static void set_out(struct conn *c, int out) {
    if (c->want_out == out) return;
    struct epoll_event ev = {.events = EPOLLIN | (out ? EPOLLOUT : 0), .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) < 0) die("epoll_ctl");
    c->want_out = out;
}

static void flush(struct conn *c) {
    while (c->out_off < c->out_len) {
        ssize_t n = write(c->fd, c->out + c->out_off, c->out_len - c->out_off);
        if (n < 0) {
            if (errno == EAGAIN) break;
            if (errno == EINTR) continue;
            die("write");
        }
        c->out_off += (size_t)n;
    }
    if (c->out_off == c->out_len) c->out_off = c->out_len = 0;
    set_out(c, c->out_len > 0);
}

static void record(uint64_t ns) {
    if (lat_n == lat_cap) {
        lat_cap = lat_cap ? lat_cap * 2 : 1 << 16;
        lat = realloc(lat, lat_cap * sizeof *lat);
    }
    lat[lat_n++] = ns > UINT32_MAX ? UINT32_MAX : (uint32_t)ns;
}

static long negotiated;

/* One complete line arrived on c. */
static void line_done(struct conn *c, uint64_t t) {
    switch (c->phase) {
    case GREETING:
        if (c->line_bad) {
            fprintf(stderr, "qmpload: bad greeting\n");
            exit(1);
        }
        c->phase = NEGOTIATING;
        append(c, "{\"execute\": \"qmp_capabilities\"}\n", 32);
        break;
    case NEGOTIATING:
        if (c->line_bad) {
            fprintf(stderr, "qmpload: qmp_capabilities failed\n");
            exit(1);
        }
        c->phase = RUNNING;
        negotiated++;
        if (mode != CONNECT) {
            for (long i = 0; i < inflight; i++) append_request(c);
            c->in_flight = inflight;
            c->sent_at = t;
        }
        break;
    case RUNNING:
        c->in_flight--;
        answered++;
        if (measuring && t >= window_start && t < window_end) {
            responses++;
            if (c->line_bad) errors++;
            if (mode == PINGPONG) record(t - c->sent_at);
        }
        break;
    }
}

/* How every line of a phase must start. */
static const char GREETING_START[] = "{\"QMP\"";
static const char RETURN_START[] = "{\"return\"";

static int on_readable(struct conn *c) {
    char buf[64 * 1024];
    ssize_t n = read(c->fd, buf, sizeof buf);
    if (n == 0) return -1;
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) return 0;
        return -1;
    }
    uint64_t t = now_ns();
    for (ssize_t i = 0; i < n; i++) {
        char b = buf[i];
        if (c->line_pos < sizeof RETURN_START - 1) {
            const char *want = c->phase == GREETING ? GREETING_START : RETURN_START;
            /* GREETING_START is shorter: its NUL never matches, so check the length too. */
            size_t want_len = c->phase == GREETING ? sizeof GREETING_START - 1 : sizeof RETURN_START - 1;
            if (c->line_pos < want_len && b != want[c->line_pos]) c->line_bad = 1;
        }
        c->line_pos++;
        if (b == '\n') {
            line_done(c, t);
            c->line_pos = 0;
            c->line_bad = 0;
        }
    }
    if (c->phase == RUNNING && mode != CONNECT) {
        /* Top up: pingpong sends the next request; pipeline refills the window in one write. */
        if (t < window_end || !measuring) {
            long refill = inflight - c->in_flight;
            for (long i = 0; i < refill; i++) append_request(c);
            c->in_flight = inflight;
            if (refill > 0) c->sent_at = t;
        }
    }
    flush(c);
    return 0;
}

/* Handles k ready events: sends what is pending, reads what arrived; -1 if a connection closed. */
static int dispatch(const struct epoll_event *evs, int k) {
    for (int e = 0; e < k; e++) {
        struct conn *c = evs[e].data.ptr;
        if (evs[e].events & EPOLLOUT) flush(c);
        if ((evs[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && on_readable(c) < 0) return -1;
    }
    return 0;
}

/* Requests sent on the n connections at cs and not yet answered. */
static long unanswered(const struct conn *cs, long n) {
    long total = 0;
    for (long i = 0; i < n; i++) total += cs[i].in_flight;
    return total;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: qmpload pingpong|pipeline|connect PATTERN CONNS [WARMUP_MS MEASURE_MS [INFLIGHT]]\n");
        return 2;
    }
    mode = !strcmp(argv[1], "pingpong") ? PINGPONG : !strcmp(argv[1], "pipeline") ? PIPELINE
         : !strcmp(argv[1], "connect")  ? CONNECT  : (fprintf(stderr, "bad mode %s\n", argv[1]), exit(2), 0);
    const char *pattern = argv[2];
    long conns = atol(argv[3]);
    long warmup_ms = argc > 4 ? atol(argv[4]) : 500;
    long measure_ms = argc > 5 ? atol(argv[5]) : 2000;
    if (mode == PIPELINE) inflight = argc > 6 ? atol(argv[6]) : 256;

    ep = epoll_create1(0);
    if (ep < 0) die("epoll_create1");
    struct conn *cs = calloc((size_t)conns, sizeof *cs);
    uint64_t t_connect = now_ns();
    for (long i = 0; i < conns; i++) {
        struct sockaddr_un a = {.sun_family = AF_UNIX};
        snprintf(a.sun_path, sizeof a.sun_path, pattern, (int)i);
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) die("socket");
        /* Blocking connect: a monitor still busy with the previous run's client keeps us in its backlog. */
        if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die(a.sun_path);
        if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0) die("fcntl");
        cs[i].fd = fd;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &cs[i]};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
    }

    struct epoll_event evs[1024];
    /* Negotiate every connection first, then run the measured traffic. */
    while (negotiated < conns) {
        int k = epoll_wait(ep, evs, 1024, 10000);
        if (k == 0) {
            fprintf(stderr, "qmpload: negotiation stalled at %ld of %ld\n", negotiated, conns);
            return 1;
        }
        if (dispatch(evs, k) < 0) {
            fprintf(stderr, "qmpload: connection closed during negotiation\n");
            return 1;
        }
    }
    uint64_t t_ready = now_ns();
    double connect_ms = (double)(t_ready - t_connect) / 1e6;

    if (mode == CONNECT) {
        printf("mode=connect conns=%ld connect_ms=%.1f\n", conns, connect_ms);
        fflush(stdout);
        char b[256];
        while (read(0, b, sizeof b) > 0) {
        }
        return 0;
    }

    window_start = now_ns() + (uint64_t)warmup_ms * 1000000u;
    window_end = window_start + (uint64_t)measure_ms * 1000000u;
    measuring = 1;
    for (;;) {
        uint64_t t = now_ns();
        if (t >= window_end) break;
        int k = epoll_wait(ep, evs, 1024, 10);
        if (dispatch(evs, k) < 0) {
            fprintf(stderr, "qmpload: connection closed by server\n");
            return 1;
        }
    }
    /*
     * Drain: wait for every answer before closing. QEMU finishes a command whose client left and
     * writes the reply to the monitor's next client, which would confuse the next run.
     */
    uint64_t drain_end = now_ns() + 10000000000u;
    long outstanding;
    while ((outstanding = unanswered(cs, conns)) > 0 && now_ns() < drain_end) {
        int k = epoll_wait(ep, evs, 1024, 100);
        if (dispatch(evs, k) < 0) {
            fprintf(stderr, "qmpload: connection closed by server\n");
            return 1;
        }
    }
    if (outstanding > 0) fprintf(stderr, "qmpload: %ld requests unanswered after 10 s\n", outstanding);
    double secs = (double)measure_ms / 1000.0;
    double p50 = 0, p99 = 0;
    if (lat_n > 0) {
        qsort(lat, lat_n, sizeof *lat, cmp_u32);
        p50 = lat[lat_n / 2] / 1000.0;
        p99 = lat[(size_t)((double)lat_n * 0.99)] / 1000.0;
    }
    printf("mode=%s conns=%ld inflight=%ld secs=%.3f responses=%ld rps=%.0f p50_us=%.1f p99_us=%.1f errors=%ld "
           "connect_ms=%.1f answered=%ld\n",
           argv[1], conns, inflight, secs, responses, (double)responses / secs, p50, p99, errors, connect_ms, answered);
    return 0;
}
