/*
 * The fairness load client: 20 well-behaved ping-pong clients measured while other monitors of the
 * same server are attacked.
 *
 *   fairload DIR SERVER_PID ATTACK [WARMUP_MS MEASURE_MS]
 *
 *   DIR      holds the server's sockets: good-0..19.sock, big-0..4.sock, nest.sock, tiny.sock,
 *            rand.sock, slow-0..4.sock, ctl.sock (a monitor for the churn attack's commands); churn
 *            sockets are created there too
 *   ATTACK   none | big | nest | tiny | random | slow | churn | all
 *
 * The attacks (each attacker a thread with a blocking socket, all of them negotiated first):
 *   big     5 connections each send '"' + 50 MiB of 'x' + '\n' once (a string ended by a control byte:
 *           QEMU's lexer reports it as a stray token and echoes it whole, 52 MB) and read the answer
 *   nest    '[' x 10,000 then ']' x 10,000, again and again; the answers are read and thrown away
 *   tiny    100,000 tiny invalid tokens ("%\n" each), again and again; every one is answered
 *   random  256 KiB of random bytes (fixed seed), again and again; answers read and thrown away
 *   slow    5 connections each send 1,000 pipelined query-qmp-schema at once and read their answers
 *           slowly (16 KiB every 20 ms) until the window ends, then the rest at full speed
 *   churn   on ctl: chardev-add + monitor-add, a client connects and negotiates, monitor-remove +
 *           chardev-remove, again and again
 * Repeated attacks stop when the window ends; the big and slow attacks run to their end (the window
 * is extended until they are done).
 *
 * The 20 good clients each keep one {"execute": "query-version", "id": N} in flight (one epoll
 * thread). A sampler thread reads the server's VmRSS every 5 ms. The server's event-loop thread
 * (named qmp-io) is found in /proc/PID/task and its CPU time taken before and after the window.
 *
 * Output, one line: attack=... secs=... requests=... p50_us=... p99_us=... max_us=...
 * unanswered=... rss_base_kb=... rss_peak_kb=... attack_bytes=... loop_busy_pct=...
 * attack_answers=... attack_expected=... attack_errors=...
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define GOOD 20
#define BIG_N 5
#define BIG_BYTES (50L << 20)
#define SLOW_N 5
#define SLOW_REQS 1000
#define TINY_TOKENS 100000
#define RANDOM_BYTES (256 << 10)
#define NEST 10000

static const char *dir;
static int server_pid;
static atomic_int stop_repeating;
static atomic_long attack_answers, attack_expected, attack_errors;
static atomic_long rss_peak;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static int connect_to(const char *name) {
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%s/%s", dir, name);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    for (int i = 0; connect(fd, (struct sockaddr *)&a, sizeof a) < 0; i++) {
        if (i > 200) die(a.sun_path);
        usleep(10000);
    }
    return fd;
}

static void send_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            atomic_fetch_add(&attack_errors, 1);
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

/* Reads one CRLF-terminated line (blocking); returns its length, or -1 at end of file. */
static long read_line(int fd) {
    char c, prev = 0;
    long n = 0;
    for (;;) {
        ssize_t r = read(fd, &c, 1);
        if (r <= 0) return -1;
        n++;
        if (prev == '\r' && c == '\n') return n;
        prev = c;
    }
}

/* Greeting, qmp_capabilities and its answer, on a blocking socket. */
static int negotiated(const char *name) {
    int fd = connect_to(name);
    read_line(fd);
    const char *caps = "{\"execute\": \"qmp_capabilities\"}\n";
    send_all(fd, caps, strlen(caps));
    read_line(fd);
    return fd;
}

/* Counts CRLF-ended answers on fd until end of file, or until `want` answers (want > 0). */
static long count_answers(int fd, long want, char *buf, size_t size) {
    long answers = 0;
    char prev = 0;
    for (;;) {
        ssize_t r = read(fd, buf, size);
        if (r <= 0) return answers;
        for (ssize_t i = 0; i < r; i++) {
            if (prev == '\r' && buf[i] == '\n') answers++;
            prev = buf[i];
        }
        if (want > 0 && answers >= want) return answers;
    }
}

struct drain_arg { int fd; long answers; };

static void *drain(void *p) {
    struct drain_arg *d = p;
    char *buf = malloc(1 << 16);
    d->answers = count_answers(d->fd, 0, buf, 1 << 16);
    free(buf);
    return NULL;
}

static void *attack_big(void *p) {
    int fd = negotiated((const char *)p);
    char *chunk = malloc(1 << 20);
    memset(chunk, 'x', 1 << 20);
    send_all(fd, "\"", 1);
    for (long sent = 0; sent < BIG_BYTES; sent += 1 << 20) send_all(fd, chunk, 1 << 20);
    send_all(fd, "\n", 1);
    atomic_fetch_add(&attack_expected, 1);
    /* The answer: one line of about 52 MB. */
    long n = 0;
    char prev = 0;
    int done = 0;
    while (!done) {
        ssize_t r = read(fd, chunk, 1 << 20);
        if (r <= 0) break;
        for (ssize_t i = 0; i < r && !done; i++) {
            done = prev == '\r' && chunk[i] == '\n';
            prev = chunk[i];
        }
        n += r;
    }
    if (done && n > BIG_BYTES) atomic_fetch_add(&attack_answers, 1);
    else atomic_fetch_add(&attack_errors, 1);
    free(chunk);
    close(fd);
    return NULL;
}

/* Sends `data` again and again until the window ends, reading the answers meanwhile. */
static void repeat(const char *name, const char *data, size_t n, long answers_each) {
    int fd = negotiated(name);
    struct drain_arg d = {fd, 0};
    pthread_t t;
    pthread_create(&t, NULL, drain, &d);
    long rounds = 0;
    do {
        send_all(fd, data, n);
        rounds++;
    } while (!atomic_load(&stop_repeating));
    /* An end marker: its answer means everything before it was answered. */
    const char *end = "{\"execute\": \"query-version\"}\n";
    send_all(fd, end, strlen(end));
    shutdown(fd, SHUT_WR);
    pthread_join(t, NULL);
    close(fd);
    if (answers_each > 0) {
        atomic_fetch_add(&attack_expected, rounds * answers_each + 1);
        atomic_fetch_add(&attack_answers, d.answers);
    }
}

static void *attack_nest(void *p) {
    (void)p;
    char *data = malloc(2 * NEST + 1);
    memset(data, '[', NEST);
    memset(data + NEST, ']', NEST);
    data[2 * NEST] = '\n';
    repeat("nest.sock", data, 2 * NEST + 1, 0);
    free(data);
    return NULL;
}

static void *attack_tiny(void *p) {
    (void)p;
    char *data = malloc(2 * TINY_TOKENS);
    for (int i = 0; i < TINY_TOKENS; i++) {
        data[2 * i] = '%';
        data[2 * i + 1] = '\n';
    }
    repeat("tiny.sock", data, 2 * TINY_TOKENS, TINY_TOKENS);
    free(data);
    return NULL;
}

static void *attack_random(void *p) {
    (void)p;
    char *data = malloc(RANDOM_BYTES);
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < RANDOM_BYTES; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        data[i] = (char)(x >> 24);
    }
    repeat("rand.sock", data, RANDOM_BYTES, 0);
    free(data);
    return NULL;
}

struct sender_arg { int fd; const char *data; size_t n; };

static void *send_thread(void *p) {
    struct sender_arg *s = p;
    send_all(s->fd, s->data, s->n);
    return NULL;
}

static void *attack_slow(void *p) {
    int fd = negotiated((const char *)p);
    const char *req = "{\"execute\": \"query-qmp-schema\"}\n";
    size_t n = strlen(req);
    char *all = malloc(n * SLOW_REQS);
    for (int i = 0; i < SLOW_REQS; i++) memcpy(all + i * n, req, n);
    /* The server stops reading at some point: send from a thread of its own. */
    atomic_fetch_add(&attack_expected, SLOW_REQS);
    char *buf = malloc(16 << 10);
    long answers = 0;
    char prev = 0;
    struct sender_arg sa = {fd, all, n * SLOW_REQS};
    pthread_t sender;
    pthread_create(&sender, NULL, send_thread, &sa);
    while (!atomic_load(&stop_repeating) && answers < SLOW_REQS) {
        ssize_t r = read(fd, buf, 16 << 10);
        if (r <= 0) break;
        for (ssize_t i = 0; i < r; i++) {
            if (prev == '\r' && buf[i] == '\n') answers++;
            prev = buf[i];
        }
        usleep(20000);
    }
    free(buf);
    buf = malloc(1 << 16);
    if (answers < SLOW_REQS) answers += count_answers(fd, SLOW_REQS - answers, buf, 1 << 16);
    atomic_fetch_add(&attack_answers, answers);
    pthread_join(sender, NULL);
    free(buf);
    free(all);
    close(fd);
    return NULL;
}

static void command(int ctl, const char *fmt, const char *a, const char *b) {
    char req[1024];
    snprintf(req, sizeof req, fmt, a, b);
    send_all(ctl, req, strlen(req));
    atomic_fetch_add(&attack_expected, 1);
    char line[4096];
    long n = 0;
    char prev = 0, c;
    while (read(ctl, &c, 1) == 1) {
        if (n < (long)sizeof line - 1) line[n++] = c;
        if (prev == '\r' && c == '\n') break;
        prev = c;
    }
    line[n] = 0;
    if (strncmp(line, "{\"return\"", 9) == 0) atomic_fetch_add(&attack_answers, 1);
    else atomic_fetch_add(&attack_errors, 1);
}

static void *attack_churn(void *p) {
    (void)p;
    int ctl = negotiated("ctl.sock");
    for (long i = 0; !atomic_load(&stop_repeating); i++) {
        char id[64], path[512], name[80];
        snprintf(id, sizeof id, "churn%ld", i);
        snprintf(name, sizeof name, "%s.sock", id);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        command(ctl, "{\"execute\": \"chardev-add\", \"arguments\": {\"id\": \"%s\", \"backend\": {\"type\": "
                "\"socket\", \"data\": {\"addr\": {\"type\": \"unix\", \"data\": {\"path\": \"%s\"}}, "
                "\"server\": true, \"wait\": false}}}}\n", id, path);
        command(ctl, "{\"execute\": \"monitor-add\", \"arguments\": {\"chardev\": \"%s\", \"id\": \"%s\"}}\n", id, id);
        int fd = negotiated(name);
        command(ctl, "{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"%s\"}}\n", id, id);
        close(fd);
        command(ctl, "{\"execute\": \"chardev-remove\", \"arguments\": {\"id\": \"%s\"}}\n", id, id);
    }
    close(ctl);
    return NULL;
}

static long rss_kb(void) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", server_pid);
    FILE *f = fopen(path, "r");
    long kb = 0;
    if (!f) return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) kb = atol(line + 6);
    }
    fclose(f);
    return kb;
}

static atomic_int sampling = 1;

static void *sampler(void *p) {
    (void)p;
    while (atomic_load(&sampling)) {
        long kb = rss_kb();
        if (kb > atomic_load(&rss_peak)) atomic_store(&rss_peak, kb);
        usleep(5000);
    }
    return NULL;
}

/* user + system clock ticks of the server's thread named qmp-io. */
static long loop_ticks(void) {
    char path[512], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/task", server_pid);
    DIR *d = opendir(path);
    if (!d) return -1;
    struct dirent *e;
    long ticks = -1;
    while ((e = readdir(d)) != NULL && ticks < 0) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/proc/%d/task/%s/comm", server_pid, e->d_name);
        FILE *f = fopen(path, "r");
        if (!f) continue;
        int is_loop = fgets(buf, sizeof buf, f) && strncmp(buf, "qmp-io", 6) == 0;
        fclose(f);
        if (!is_loop) continue;
        snprintf(path, sizeof path, "/proc/%d/task/%s/stat", server_pid, e->d_name);
        f = fopen(path, "r");
        if (!f) continue;
        if (fgets(buf, sizeof buf, f)) {
            char *s = strrchr(buf, ')');
            long utime = 0, stime = 0;
            /* fields after the command: state(3) ... utime(14) stime(15) */
            if (s && sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &utime, &stime) == 2) {
                ticks = utime + stime;
            }
        }
        fclose(f);
    }
    closedir(d);
    return ticks;
}

struct good {
    int fd;
    uint64_t sent_at;
    int waiting;
    char prev;
};

static struct good goods[GOOD];
static uint32_t *lat;
static size_t lat_n, lat_cap;
static int ep;
static long next_id;
static int good_lost;

static void good_send(struct good *g) {
    char req[96];
    int n = snprintf(req, sizeof req, "{\"execute\": \"query-version\", \"id\": %ld}\n", next_id++);
    g->sent_at = now_ns();
    g->waiting = 1;
    if (write(g->fd, req, (size_t)n) != n) g->waiting = 1; /* lost: stays unanswered */
}

/* Runs the good clients until `until` (ns); latencies recorded when `record`. */
static void good_run(uint64_t until, int record) {
    struct epoll_event ev[GOOD];
    char buf[4096];
    while (now_ns() < until) {
        int n = epoll_wait(ep, ev, GOOD, 5);
        for (int k = 0; k < n; k++) {
            struct good *g = ev[k].data.ptr;
            ssize_t r = read(g->fd, buf, sizeof buf);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                /* The server dropped this client (or died): its request stays unanswered. */
                epoll_ctl(ep, EPOLL_CTL_DEL, g->fd, NULL);
                good_lost++;
                continue;
            }
            for (ssize_t i = 0; i < r; i++) {
                if (g->prev == '\r' && buf[i] == '\n' && g->waiting) {
                    g->waiting = 0;
                    uint64_t us = (now_ns() - g->sent_at) / 1000;
                    if (record) {
                        if (lat_n == lat_cap) {
                            lat_cap = lat_cap ? 2 * lat_cap : 1 << 16;
                            lat = realloc(lat, lat_cap * sizeof *lat);
                        }
                        lat[lat_n++] = (uint32_t)us;
                    }
                }
                g->prev = buf[i];
            }
            if (!g->waiting) good_send(g);
        }
    }
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: fairload DIR SERVER_PID ATTACK [WARMUP_MS MEASURE_MS]\n");
        return 2;
    }
    dir = argv[1];
    server_pid = atoi(argv[2]);
    const char *attack = argv[3];
    long warm_ms = argc > 4 ? atol(argv[4]) : 500;
    long meas_ms = argc > 5 ? atol(argv[5]) : 3000;
    int all = strcmp(attack, "all") == 0;

    signal(SIGPIPE, SIG_IGN);
    ep = epoll_create1(0);
    for (int i = 0; i < GOOD; i++) {
        char name[32];
        snprintf(name, sizeof name, "good-%d.sock", i);
        goods[i].fd = negotiated(name);
        fcntl(goods[i].fd, F_SETFL, O_NONBLOCK);
        struct epoll_event e = {.events = EPOLLIN, .data.ptr = &goods[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, goods[i].fd, &e);
        good_send(&goods[i]);
    }
    good_run(now_ns() + (uint64_t)warm_ms * 1000000u, 0);

    long rss_base = rss_kb();
    atomic_store(&rss_peak, rss_base);
    pthread_t samp;
    pthread_create(&samp, NULL, sampler, NULL);
    long ticks0 = loop_ticks();
    uint64_t t0 = now_ns();

    pthread_t threads[32];
    int nt = 0;
    long attack_bytes = 0;
    static char names[16][32];
    if (all || strcmp(attack, "big") == 0) {
        for (int i = 0; i < BIG_N; i++) {
            snprintf(names[i], sizeof names[i], "big-%d.sock", i);
            pthread_create(&threads[nt++], NULL, attack_big, names[i]);
        }
        attack_bytes += BIG_N * (BIG_BYTES + 2);
    }
    if (all || strcmp(attack, "nest") == 0) {
        pthread_create(&threads[nt++], NULL, attack_nest, NULL);
        attack_bytes += 2 * NEST + 1;
    }
    if (all || strcmp(attack, "tiny") == 0) {
        pthread_create(&threads[nt++], NULL, attack_tiny, NULL);
        attack_bytes += 2 * TINY_TOKENS;
    }
    if (all || strcmp(attack, "random") == 0) {
        pthread_create(&threads[nt++], NULL, attack_random, NULL);
        attack_bytes += RANDOM_BYTES;
    }
    if (all || strcmp(attack, "slow") == 0) {
        for (int i = 0; i < SLOW_N; i++) {
            snprintf(names[8 + i], sizeof names[8 + i], "slow-%d.sock", i);
            pthread_create(&threads[nt++], NULL, attack_slow, names[8 + i]);
        }
        attack_bytes += SLOW_N * SLOW_REQS * 32L;
    }
    if (all || strcmp(attack, "churn") == 0) {
        pthread_create(&threads[nt++], NULL, attack_churn, NULL);
    }

    good_run(t0 + (uint64_t)meas_ms * 1000000u, 1);
    atomic_store(&stop_repeating, 1);
    /* The attackers finish what they started (the big and slow ones may take longer): measure on. */
    for (int i = 0; i < nt; i++) {
        while (pthread_tryjoin_np(threads[i], NULL) != 0) good_run(now_ns() + 20000000u, 1);
    }
    uint64_t t1 = now_ns();
    long ticks1 = loop_ticks();
    atomic_store(&sampling, 0);
    pthread_join(samp, NULL);

    /* Every good client's last request must still be answered. */
    uint64_t deadline = now_ns() + 10000000000u;
    int pending = GOOD;
    while (pending > 0 && now_ns() < deadline) {
        struct epoll_event ev[GOOD];
        int n = epoll_wait(ep, ev, GOOD, 10);
        char buf[4096];
        for (int k = 0; k < n; k++) {
            struct good *g = ev[k].data.ptr;
            ssize_t r = read(g->fd, buf, sizeof buf);
            for (ssize_t i = 0; i < r; i++) {
                if (g->prev == '\r' && buf[i] == '\n') g->waiting = 0;
                g->prev = buf[i];
            }
        }
        pending = 0;
        for (int i = 0; i < GOOD; i++) pending += goods[i].waiting;
    }

    qsort(lat, lat_n, sizeof *lat, cmp_u32);
    double secs = (double)(t1 - t0) / 1e9;
    long hz = sysconf(_SC_CLK_TCK);
    double busy = ticks0 >= 0 && ticks1 >= 0 ? 100.0 * (double)(ticks1 - ticks0) / (double)hz / secs : -1;
    printf("attack=%s secs=%.2f requests=%zu p50_us=%u p99_us=%u max_us=%u unanswered=%d rss_base_kb=%ld "
           "rss_peak_kb=%ld attack_bytes=%ld loop_busy_pct=%.0f attack_answers=%ld attack_expected=%ld "
           "attack_errors=%ld\n",
           attack, secs, lat_n, lat_n ? lat[lat_n / 2] : 0, lat_n ? lat[lat_n * 99 / 100] : 0,
           lat_n ? lat[lat_n - 1] : 0, pending, rss_base, atomic_load(&rss_peak), attack_bytes, busy,
           atomic_load(&attack_answers), atomic_load(&attack_expected), atomic_load(&attack_errors));
    return 0;
}
