/*
 * The do-nothing QMP responder: the physical limit of a Unix socket for the load benchmark.
 *
 *   noop DIR N      listens on DIR/mon-0.sock .. DIR/mon-(N-1).sock, prints "ready", runs until
 *                   SIGTERM/SIGINT or until stdin is closed, then removes the socket files.
 *
 * Every accepted connection gets a greeting line; every '\n' received is answered with one canned
 * reply of the size of a query-version answer. No parsing, one epoll loop, one thread: whatever a
 * real server does on top of this is its own cost.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static const char GREETING[] =
    "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 0, \"major\": 0}, \"package\": \"\"}, "
    "\"capabilities\": [\"oob\"]}}\r\n";
static const char REPLY[] =
    "{\"return\": {\"qemu\": {\"micro\": 0, \"minor\": 0, \"major\": 0}, \"package\": \"\"}, \"id\": 0}\r\n";
#define REPLY_LEN (sizeof REPLY - 1)

/* epoll data: listeners are tagged with bit 63, connections point at their state. */
struct conn {
    int fd;
    long owed;     /* replies not yet written */
    size_t partial; /* bytes of the current reply already written */
    int want_out;
};

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static char out_block[64 * 1024];
static size_t out_block_replies;

static void set_events(int ep, struct conn *c, int out) {
    if (c->want_out == out) return;
    struct epoll_event ev = {.events = EPOLLIN | (out ? EPOLLOUT : 0), .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->want_out = out;
}

static void close_conn(int ep, struct conn *c) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    free(c);
}

/* Writes what is owed; returns -1 if the connection failed. */
static int drain(int ep, struct conn *c) {
    while (c->owed > 0) {
        size_t replies = c->owed < (long)out_block_replies ? (size_t)c->owed : out_block_replies;
        size_t len = replies * REPLY_LEN - c->partial;
        ssize_t n = write(c->fd, out_block + c->partial, len);
        if (n < 0) {
            if (errno == EAGAIN) break;
            if (errno == EINTR) continue;
            return -1;
        }
        size_t done = c->partial + (size_t)n;
        c->owed -= (long)(done / REPLY_LEN);
        c->partial = done % REPLY_LEN;
        if ((size_t)n < len) break;
    }
    set_events(ep, c, c->owed > 0);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: noop DIR N\n");
        return 2;
    }
    const char *dir = argv[1];
    int n = atoi(argv[2]);
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);
    out_block_replies = sizeof out_block / REPLY_LEN;
    for (size_t i = 0; i < out_block_replies; i++) memcpy(out_block + i * REPLY_LEN, REPLY, REPLY_LEN);

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 1ULL << 63};
    epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev); /* stdin: EOF means stop */
    int *listeners = calloc((size_t)n, sizeof *listeners);
    for (int i = 0; i < n; i++) {
        struct sockaddr_un a = {.sun_family = AF_UNIX};
        snprintf(a.sun_path, sizeof a.sun_path, "%s/mon-%d.sock", dir, i);
        unlink(a.sun_path);
        int l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 16) < 0) {
            perror(a.sun_path);
            return 1;
        }
        listeners[i] = l;
        ev.events = EPOLLIN;
        ev.data.u64 = (1ULL << 63) | ((unsigned long long)l << 1) | 1;
        epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
    }
    printf("ready\n");
    fflush(stdout);

    char in[64 * 1024];
    struct epoll_event evs[256];
    while (!stop) {
        int k = epoll_wait(ep, evs, 256, -1);
        if (k < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            break;
        }
        for (int e = 0; e < k; e++) {
            unsigned long long tag = evs[e].data.u64;
            if (tag >> 63) {
                if (!(tag & 1)) { /* stdin */
                    ssize_t r = read(0, in, sizeof in);
                    if (r <= 0) stop = 1;
                    continue;
                }
                int l = (int)((tag & ~(1ULL << 63)) >> 1);
                int fd;
                while ((fd = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    struct conn *c = calloc(1, sizeof *c);
                    c->fd = fd;
                    struct epoll_event cev = {.events = EPOLLIN, .data.ptr = c};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
                    if (write(fd, GREETING, sizeof GREETING - 1) < 0) close_conn(ep, c);
                }
                continue;
            }
            struct conn *c = evs[e].data.ptr;
            int dead = 0;
            if (evs[e].events & EPOLLIN) {
                ssize_t r = read(c->fd, in, sizeof in);
                if (r <= 0 && !(r < 0 && errno == EAGAIN)) {
                    dead = 1;
                } else if (r > 0) {
                    for (char *p = in, *end = in + r; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) c->owed++;
                }
            } else if (evs[e].events & (EPOLLHUP | EPOLLERR)) {
                dead = 1;
            }
            if (!dead && drain(ep, c) < 0) dead = 1;
            if (dead) close_conn(ep, c);
        }
    }
    for (int i = 0; i < n; i++) {
        struct sockaddr_un a;
        snprintf(a.sun_path, sizeof a.sun_path, "%s/mon-%d.sock", dir, i);
        close(listeners[i]);
        unlink(a.sun_path);
    }
    return 0;
}
