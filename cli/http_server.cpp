#include "http_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <utility>

namespace assay::cli {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPollSliceMs = 500; // how often a wait looks at the stop token

std::string systemError(int code)
{
    return std::strerror(code);
}

int remainingMs(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, kPollSliceMs));
}

enum class WaitResult { Ready, TimedOut, Stopped, Failed };

// Waits until `fd` has `events` (a read hang-up counts as ready), the deadline passes or
// `stop` is cancelled.
WaitResult waitFor(int fd, short events, Clock::time_point deadline, const CancellationToken &stop)
{
    for (;;) {
        if (stop.isCancelled())
            return WaitResult::Stopped;
        const int slice = remainingMs(deadline);
        if (slice == 0)
            return WaitResult::TimedOut;
        pollfd entry{.fd = fd, .events = events, .revents = 0};
        const int ready = ::poll(&entry, 1, slice);
        if (ready > 0)
            return (entry.revents & (events | POLLHUP | POLLERR)) ? WaitResult::Ready : WaitResult::Failed;
        if (ready < 0 && errno != EINTR)
            return WaitResult::Failed;
    }
}

bool isTokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

struct RequestLine {
    std::string method;
    std::string target;
};

// "GET /metrics?x=1 HTTP/1.1" → method and target; empty when it is not a valid request line
// for an origin server (one space between three parts, a token method, an absolute path,
// HTTP/1.x).
std::optional<RequestLine> parseRequestLine(std::string_view line)
{
    const auto first = line.find(' ');
    if (first == std::string_view::npos)
        return std::nullopt;
    const auto second = line.find(' ', first + 1);
    if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string_view method = line.substr(0, first);
    const std::string_view target = line.substr(first + 1, second - first - 1);
    const std::string_view version = line.substr(second + 1);
    if (method.empty() || !std::all_of(method.begin(), method.end(), isTokenChar))
        return std::nullopt;
    if (target.empty() || target.front() != '/')
        return std::nullopt;
    for (const char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return std::nullopt;
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return std::nullopt;
    return RequestLine{.method = std::string(method), .target = std::string(target)};
}

std::string responseBytes(const HttpResponse &response, bool withBody, std::string_view extraHeaders = {})
{
    std::string bytes = "HTTP/1.1 " + std::to_string(response.status) + ' ' + httpReason(response.status) + "\r\n";
    bytes += "Content-Type: " + response.contentType + "\r\n";
    bytes += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    bytes += "Connection: close\r\n";
    bytes += extraHeaders;
    bytes += "\r\n";
    if (withBody)
        bytes += response.body;
    return bytes;
}

HttpResponse plain(int status, std::string body)
{
    return {.status = status, .contentType = "text/plain; charset=utf-8", .body = std::move(body)};
}

// Sends everything unless the client stops taking it before the deadline.
void sendAll(int client, std::string_view bytes, Clock::time_point deadline, const CancellationToken &stop)
{
    while (!bytes.empty()) {
        if (waitFor(client, POLLOUT, deadline, stop) != WaitResult::Ready)
            return;
        const ssize_t sent = ::send(client, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return;
        }
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
}

// After the answer, read (and drop) what the client still sends for a moment, so closing
// with unread bytes does not reset the connection before the client has read the answer.
void drain(int client)
{
    ::shutdown(client, SHUT_WR);
    const auto deadline = Clock::now() + std::chrono::milliseconds(200);
    char buffer[4096];
    for (int rounds = 0; rounds < 64; ++rounds) {
        pollfd entry{.fd = client, .events = POLLIN, .revents = 0};
        if (::poll(&entry, 1, remainingMs(deadline)) <= 0)
            return;
        if (::recv(client, buffer, sizeof buffer, MSG_DONTWAIT) <= 0)
            return;
    }
}

class SocketCloser {
public:
    explicit SocketCloser(int fd) : m_fd(fd) {}
    ~SocketCloser() { ::close(m_fd); }
    SocketCloser(const SocketCloser &) = delete;
    SocketCloser &operator=(const SocketCloser &) = delete;

private:
    int m_fd;
};

} // namespace

std::string httpReason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

Result<HttpServer> HttpServer::listen(const std::string &address, std::uint16_t port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
    addrinfo *found = nullptr;
    const std::string service = std::to_string(port);
    if (const int code = ::getaddrinfo(address.c_str(), service.c_str(), &hints, &found); code != 0 || !found)
        return Error::invalidInput("--bind " + address + ": not a numeric IPv4 or IPv6 address (" +
                                   ::gai_strerror(code) + ")");
    const int family = found->ai_family;
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        ::freeaddrinfo(found);
        return Error::io("cannot open a socket: " + systemError(errno));
    }
    const int on = 1;
    // A server restarted right after stopping must not wait for the old connections'
    // TIME_WAIT; Linux still refuses a port another process listens on.
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    const int bound = ::bind(fd, found->ai_addr, found->ai_addrlen);
    const int bindError = errno;
    ::freeaddrinfo(found);
    const std::string where = (family == AF_INET6 ? "[" + address + "]" : address) + ':' + service;
    if (bound != 0) {
        ::close(fd);
        if (bindError == EADDRINUSE)
            return Error::invalidInput("cannot listen on " + where +
                                       ": the port is already in use (is another assay serve or exporter "
                                       "running?); choose another with --port");
        if (bindError == EADDRNOTAVAIL)
            return Error::invalidInput("cannot listen on " + where + ": no interface of this machine has "
                                       "that address (--bind)");
        if (bindError == EACCES)
            return Error::invalidInput("cannot listen on " + where + ": ports under 1024 need privileges");
        return Error::io("cannot listen on " + where + ": " + systemError(bindError));
    }
    if (::listen(fd, 16) != 0) {
        const int code = errno;
        ::close(fd);
        return Error::io("cannot listen on " + where + ": " + systemError(code));
    }
    sockaddr_storage actual{};
    socklen_t length = sizeof actual;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&actual), &length);
    const std::uint16_t actualPort =
        ntohs(actual.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 &>(actual).sin6_port
                                           : reinterpret_cast<sockaddr_in &>(actual).sin_port);
    return HttpServer(fd, family == AF_INET6 ? "[" + address + "]" : address, actualPort);
}

HttpServer::HttpServer(HttpServer &&other) noexcept
    : m_socket(std::exchange(other.m_socket, -1)), m_address(std::move(other.m_address)), m_port(other.m_port)
{
}

HttpServer &HttpServer::operator=(HttpServer &&other) noexcept
{
    if (this != &other) {
        if (m_socket >= 0)
            ::close(m_socket);
        m_socket = std::exchange(other.m_socket, -1);
        m_address = std::move(other.m_address);
        m_port = other.m_port;
    }
    return *this;
}

HttpServer::~HttpServer()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

std::string HttpServer::baseUrl() const
{
    return "http://" + m_address + ':' + std::to_string(m_port);
}

Status HttpServer::serve(const HttpHandler &handler, const CancellationToken &stop)
{
    while (!stop.isCancelled()) {
        pollfd entry{.fd = m_socket, .events = POLLIN, .revents = 0};
        const int ready = ::poll(&entry, 1, kPollSliceMs);
        if (ready < 0 && errno != EINTR)
            return Error::io("waiting for connections failed: " + systemError(errno));
        if (ready <= 0)
            continue;
        const int client = ::accept4(m_socket, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) {
            // The client may have given up between poll and accept; out of descriptors is
            // worth a pause rather than a busy loop.
            if (errno == EMFILE || errno == ENFILE)
                ::poll(nullptr, 0, 100);
            continue;
        }
        SocketCloser closer(client);
        answer(client, handler, stop);
    }
    return {};
}

void HttpServer::answer(int client, const HttpHandler &handler, const CancellationToken &stop) const
{
    const auto timeout = std::chrono::milliseconds(kClientTimeoutMs);
    const auto deadline = Clock::now() + timeout;
    // The answer gets its own time: a 408 is sent after the request's time ran out.
    const auto reply = [&](const HttpResponse &response, bool withBody, std::string_view extraHeaders = {}) {
        sendAll(client, responseBytes(response, withBody, extraHeaders), Clock::now() + timeout, stop);
        drain(client);
    };

    std::string request;
    std::size_t headerEnd = std::string::npos;
    char buffer[2048];
    while (headerEnd == std::string::npos) {
        if (request.size() > kMaxRequestBytes)
            return reply(plain(431, "request line and headers exceed 8 KiB\n"), true);
        const WaitResult waited = waitFor(client, POLLIN, deadline, stop);
        if (waited == WaitResult::TimedOut)
            return reply(plain(408, "the request did not arrive in time\n"), true);
        if (waited != WaitResult::Ready)
            return;
        const ssize_t got = ::recv(client, buffer, sizeof buffer, MSG_DONTWAIT);
        if (got < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (got <= 0) {
            if (!request.empty())
                reply(plain(400, "the request ended before its headers did\n"), true);
            return;
        }
        const std::size_t searchFrom = request.size() < 3 ? 0 : request.size() - 3;
        request.append(buffer, static_cast<std::size_t>(got));
        const std::size_t crlf = request.find("\r\n\r\n", searchFrom);
        const std::size_t lf = request.find("\n\n", searchFrom);
        headerEnd = std::min(crlf, lf);
    }
    if (headerEnd > kMaxRequestBytes)
        return reply(plain(431, "request line and headers exceed 8 KiB\n"), true);

    std::string_view line(request.data(), request.find('\n'));
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    const auto parsed = parseRequestLine(line);
    if (!parsed)
        return reply(plain(400, "bad request line\n"), true);
    const bool head = parsed->method == "HEAD";
    if (parsed->method != "GET" && !head)
        return reply(plain(405, "only GET and HEAD are served\n"), true, "Allow: GET, HEAD\r\n");

    const HttpRequest httpRequest{.method = parsed->method,
                                  .path = parsed->target.substr(0, parsed->target.find('?'))};
    HttpResponse response;
    try {
        response = handler(httpRequest);
    } catch (const std::exception &error) {
        response = plain(500, std::string("internal error: ") + error.what() + '\n');
    }
    reply(response, !head);
}

} // namespace assay::cli
