#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <cstdint>
#include <functional>
#include <string>

namespace assay::cli {

// A GET (or HEAD) request's line; the handler never sees other methods or malformed requests.
struct HttpRequest {
    std::string method; // "GET" or "HEAD"
    std::string path;   // the target without its query string, e.g. "/metrics"
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "text/plain; charset=utf-8";
    std::string body;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// A deliberately small HTTP/1.1 server on POSIX sockets for scrapers such as Prometheus: one
// connection at a time, every response with `Connection: close`. Requests are limited to
// kMaxRequestBytes of request line and headers (431 beyond), a client gets kClientTimeoutMs
// to send them and to take the answer (408 / dropped after), a bad request line gets 400, a
// method other than GET or HEAD 405. Request bodies are not read.
class HttpServer {
public:
    static constexpr std::size_t kMaxRequestBytes = 8 * 1024;
    static constexpr int kClientTimeoutMs = 5000;

    // Listens on `address` (numeric IPv4 or IPv6) and `port` (0: any free port).
    // InvalidInput when the address is not numeric or the port is taken, Io otherwise.
    static Result<HttpServer> listen(const std::string &address, std::uint16_t port);

    HttpServer(HttpServer &&other) noexcept;
    HttpServer &operator=(HttpServer &&other) noexcept;
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;
    ~HttpServer();

    std::uint16_t port() const { return m_port; }
    // "http://127.0.0.1:9464" or "http://[::1]:9464".
    std::string baseUrl() const;

    // Answers connections one after another until `stop` is cancelled (checked at least
    // twice a second and whenever a signal interrupts the wait).
    Status serve(const HttpHandler &handler, const CancellationToken &stop);

private:
    HttpServer(int socket, std::string address, std::uint16_t port)
        : m_socket(socket), m_address(std::move(address)), m_port(port) {}
    void answer(int client, const HttpHandler &handler, const CancellationToken &stop) const;

    int m_socket = -1;
    std::string m_address;
    std::uint16_t m_port = 0;
};

// The reason phrase of the statuses the server sends ("Not Found").
std::string httpReason(int status);

} // namespace assay::cli
