#ifndef C_ATLAS_SYSTEM_H
#define C_ATLAS_SYSTEM_H

// The toolchain's Glibc module does not include these headers. accept4 is declared below rather
// than through _GNU_SOURCE: that macro changes glibc struct layouts (fd_set's field names) and makes
// this module's definitions clash with SwiftGlibc's as soon as Swift code sees both.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/tcp.h>
#include <errno.h>

extern int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);

/// accept4 wrapper: Swift cannot see the _GNU_SOURCE declaration through Glibc.
static inline int catlas_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    return accept4(fd, addr, len, flags);
}

#include <malloc.h>

/// Gives free heap pages back to the system. Bulk loading (generated incidents) grows arrays by
/// doubling; glibc keeps the freed smaller copies in the heap, which would otherwise stay resident.
static inline int catlas_release_free_memory(void) { return malloc_trim(0); }

/// errno as a plain function, read immediately after a failing call.
static inline int catlas_errno(void) { return errno; }

#include <string.h>
#include <signal.h>

/// Arms a one-shot epoll registration for fd (readable, or writable when `writable` is non-zero).
/// Tries EPOLL_CTL_MOD first (the common re-arm) and falls back to EPOLL_CTL_ADD for a new fd.
/// Returns 0, or -1 with errno set. Plain ints keep Swift away from the packed epoll_event layout.
static inline int catlas_epoll_arm(int epfd, int fd, int writable) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = (writable ? EPOLLOUT : EPOLLIN) | EPOLLONESHOT;
    ev.data.fd = fd;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev) == 0) return 0;
    if (errno != ENOENT) return -1;
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

/// Registers fd level-triggered for reading (the reactor's wake-up eventfd).
static inline int catlas_epoll_add_level_read(int epfd, int fd) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

/// epoll_wait that reports only the ready fds, copied into `fds` (at most `max`, capped at 256).
static inline int catlas_epoll_wait_fds(int epfd, int *fds, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) fds[i] = evs[i].data.fd;
    return n;
}

/// Sets the disposition of `sig` to SIG_IGN (the macro is not importable into Swift).
static inline int catlas_ignore_signal(int sig) {
    return signal(sig, SIG_IGN) == SIG_ERR ? -1 : 0;
}

#endif
