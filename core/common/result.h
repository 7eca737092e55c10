#pragma once

#include <string>
#include <utility>
#include <variant>

namespace assay {

// What went wrong, coarse enough for the CLI to choose an exit code and the GUI an icon.
enum class ErrorKind {
    InvalidInput, // the user's file, argument or data is wrong: exit code 2
    NotFound,     // a file, key or workspace does not exist: exit code 2
    Io,           // the system refused a read or write
    Database,     // SQLite reported an error
    Cancelled,    // the user cancelled; nothing was changed
    Refused,      // the acting user may not do this, or a gate refused it: exit code 1
    Internal,     // a bug: an invariant did not hold
};

// A failure with a message that names the file, line, column or key it is about,
// e.g. "data.csv:12:7: unterminated quoted field".
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;

    static Error invalidInput(std::string message) { return {ErrorKind::InvalidInput, std::move(message)}; }
    static Error notFound(std::string message) { return {ErrorKind::NotFound, std::move(message)}; }
    static Error io(std::string message) { return {ErrorKind::Io, std::move(message)}; }
    static Error database(std::string message) { return {ErrorKind::Database, std::move(message)}; }
    static Error cancelled() { return {ErrorKind::Cancelled, "cancelled"}; }
    static Error refused(std::string message) { return {ErrorKind::Refused, std::move(message)}; }
    static Error internal(std::string message) { return {ErrorKind::Internal, std::move(message)}; }
};

// Either a value or an Error; the return type of every fallible core function.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace assay

#define ASSAY_CONCAT_INNER(a, b) a##b
#define ASSAY_CONCAT(a, b) ASSAY_CONCAT_INNER(a, b)
#define ASSAY_TRY_IMPL(expr, name)                                                                 \
    do {                                                                                           \
        if (auto name = (expr); !name.ok())                                                        \
            return name.error();                                                                   \
    } while (false)

// Returns the error of a failed Result from the enclosing function.
#define ASSAY_TRY(expr) ASSAY_TRY_IMPL(expr, ASSAY_CONCAT(assayTryResult_, __COUNTER__))
