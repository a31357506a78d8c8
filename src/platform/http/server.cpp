#include "platform/http/server.h"

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

// Boost 1.74 only recognises C++20 coroutines on GCC; Clang 14 has them too (with
// libstdc++'s <coroutine>), but Asio looks for the older <experimental/coroutine>.
#if defined(__clang__) && defined(__cpp_impl_coroutine) && !defined(BOOST_ASIO_HAS_CO_AWAIT)
#define BOOST_ASIO_HAS_CO_AWAIT 1
#endif

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "platform/http/dispatcher.h"

namespace sinergi::http {

bool starts_with_pattern(std::string_view path, std::string_view prefix) {
  while (!prefix.empty()) {
    const std::size_t star = prefix.find('*');
    const std::string_view literal = prefix.substr(0, star);
    if (!path.starts_with(literal)) {
      return false;
    }
    path.remove_prefix(literal.size());
    if (star == std::string_view::npos) {
      return true;
    }
    const std::size_t segment = std::min(path.find('/'), path.size());
    if (segment == 0) {
      return false;
    }
    path.remove_prefix(segment);
    prefix.remove_prefix(star + 1);
  }
  return true;
}
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using Tcp = asio::ip::tcp;
using SystemError = boost::system::error_code;
using Clock = std::chrono::steady_clock;
using IncomingMessage = beast_http::request<beast_http::string_body>;

constexpr std::size_t kReadChunk = 8192;
// After an error response the connection is closed, but first whatever the client is
// still sending is read and dropped for a moment: closing with unread data makes the
// kernel send a reset, which can destroy the response before the client reads it.
constexpr std::chrono::milliseconds kDrainTime{1000};
constexpr std::size_t kMaxDrainBytes = std::size_t{8} * 1024 * 1024;

auto with_error(SystemError& error) {
  return asio::redirect_error(asio::use_awaitable, error);
}

// One accepted connection. Its coroutine and every posted action run on the stream's
// strand, so `busy` needs no lock.
struct Connection {
  explicit Connection(Tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;  // a request has been read and is not yet answered
};

void close_connection(Connection& connection) {
  SystemError ignored;
  connection.stream.socket().shutdown(Tcp::socket::shutdown_both, ignored);
  connection.stream.close();
}

// Endings that deserve no answer: the peer went away, was too slow, or we are stopping.
bool is_silent_ending(const SystemError& error) {
  return error == beast_http::error::end_of_stream || error == beast_http::error::partial_message ||
         error == beast::error::timeout || error == asio::error::operation_aborted ||
         error == asio::error::eof || error == asio::error::connection_reset ||
         error == asio::error::connection_aborted || error == asio::error::bad_descriptor ||
         error == asio::error::broken_pipe || error == asio::error::not_connected;
}

bool is_token_character(char character) {
  return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
         (character >= '0' && character <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(character) != std::string_view::npos;
}

bool is_header_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_token_character);
}

// The server alone decides framing and connection handling.
bool is_reserved_header(std::string_view name) {
  for (std::string_view reserved :
       {"Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Date", "Upgrade", "Trailer"}) {
    if (equals_ignoring_case(name, reserved)) {
      return true;
    }
  }
  return false;
}

// CR, LF or NUL in a value would split the header; they can only come from a handler bug.
std::string header_value(std::string_view value) {
  std::string sanitized(value);
  std::replace_if(
      sanitized.begin(), sanitized.end(),
      [](char character) { return character == '\r' || character == '\n' || character == '\0'; }, ' ');
  return sanitized;
}

std::string http_date() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::array<char, 64> buffer{};
  std::size_t length = std::strftime(buffer.data(), buffer.size(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return std::string(buffer.data(), length);
}

std::string remote_address(const beast::tcp_stream& stream) {
  SystemError error;
  Tcp::endpoint endpoint = stream.socket().remote_endpoint(error);
  if (error) {
    return "-";
  }
  std::string address = endpoint.address().to_string();
  if (endpoint.address().is_v6()) {
    address = "[" + address + "]";
  }
  return address + ":" + std::to_string(endpoint.port());
}

auto log_failure(const char* what) {
  return [what](const std::exception_ptr& exception) {
    if (!exception) {
      return;
    }
    try {
      std::rethrow_exception(exception);
    } catch (const std::exception& error) {
      spdlog::error("http {} failed: {}", what, error.what());
    } catch (...) {
      spdlog::error("http {} failed with a non-standard exception", what);
    }
  };
}

std::size_t thread_count(std::size_t requested) {
  if (requested != 0) {
    return requested;
  }
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, const Router& router, Metrics& metrics)
      : options_(std::move(options)),
        router_(router),
        metrics_(metrics),
        io_context_(static_cast<int>(thread_count(options_.threads))),
        control_(asio::make_strand(io_context_)),
        acceptor_(control_),
        signals_(control_) {}

  Result<void> listen();
  void run();
  void stop();
  std::uint16_t port() const { return port_; }

 private:
  // Removes a connection from the registry when its coroutine ends, however it ends.
  struct Registration {
    Impl& server;
    Connection* connection;
    ~Registration() {
      std::lock_guard lock(server.connections_mutex_);
      server.connections_.erase(connection);
    }
  };

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> serve_connection(std::shared_ptr<Connection> connection);
  asio::awaitable<bool> respond(beast::tcp_stream& stream, const Request& request, Response response,
                                unsigned version, bool keep_alive, Clock::time_point started);
  // The body limit of a request to `path`.
  std::size_t body_limit_for(std::string_view path) const {
    for (const auto& prefix : options_.upload_path_prefixes) {
      if (starts_with_pattern(path, prefix)) {
        return options_.upload_body_limit;
      }
    }
    return options_.body_limit;
  }
  asio::awaitable<void> answer_transport_error(beast::tcp_stream& stream, const IncomingMessage& message,
                                               const std::string& remote, const SystemError& error,
                                               std::size_t body_limit);
  asio::awaitable<void> drain_and_close(Connection& connection);
  Request make_request(const IncomingMessage& message, const std::string& remote) const;
  void begin_shutdown();
  void run_io_thread();

  ServerOptions options_;
  const Router& router_;
  Metrics& metrics_;
  std::optional<StaticFiles> static_files_;
  std::optional<Dispatcher> dispatcher_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  bool shutdown_started_ = false;  // only on control_

  // Declared before io_context_ so that they outlive it: destroying the io_context
  // destroys suspended connection coroutines, whose Registration touches the registry.
  std::mutex connections_mutex_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;

  std::mutex stop_mutex_;
  std::condition_variable stop_condition_;
  bool stop_requested_ = false;
  bool run_finished_ = false;

  asio::io_context io_context_;
  asio::strand<asio::io_context::executor_type> control_;  // acceptor, signals, shutdown
  Tcp::acceptor acceptor_;
  asio::signal_set signals_;
};

Result<void> Server::Impl::listen() {
  if (options_.web_root) {
    static_files_.emplace(TRY(StaticFiles::create(*options_.web_root)));
  }
  dispatcher_.emplace(router_, metrics_, static_files_ ? &*static_files_ : nullptr);

  std::string display = options_.host + ":" + std::to_string(options_.port);
  std::string host = options_.host;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  SystemError error;
  asio::ip::address address = host == "localhost" ? asio::ip::address(asio::ip::address_v4::loopback())
                                                  : asio::ip::make_address(host, error);
  if (error) {
    return Error(ErrorCode::InvalidListenAddress, {display});
  }
  Tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol(), error);
  if (!error) {
    // Lets a restarted server bind while old connections linger in TIME_WAIT; on Linux it
    // does not allow two listeners on one port.
    acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  }
  if (!error) {
    acceptor_.bind(endpoint, error);
  }
  if (!error) {
    acceptor_.listen(asio::socket_base::max_listen_connections, error);
  }
  if (error == asio::error::address_in_use) {
    return Error(ErrorCode::AddressInUse, {display});
  }
  if (error) {
    return Error(ErrorCode::InvalidListenAddress, {display}).with_log_detail(error.message());
  }
  port_ = acceptor_.local_endpoint(error).port();
  return success();
}

void Server::Impl::run() {
  SystemError signal_error;
  signals_.add(SIGINT, signal_error);
  signals_.add(SIGTERM, signal_error);
  if (signal_error) {
    spdlog::warn("cannot handle SIGINT/SIGTERM: {}", signal_error.message());
  }
  signals_.async_wait([this](const SystemError& error, int signal_number) {
    if (!error) {
      spdlog::info("signal {} received; stopping", signal_number);
      stop();
    }
  });
  asio::co_spawn(control_, accept_loop(), log_failure("accept loop"));

  // Enforces shutdown_grace from outside the io_context, so no timer keeps it busy.
  std::thread watchdog([this] {
    std::unique_lock lock(stop_mutex_);
    stop_condition_.wait(lock, [this] { return stop_requested_ || run_finished_; });
    if (!stop_condition_.wait_for(lock, options_.shutdown_grace, [this] { return run_finished_; })) {
      spdlog::warn("shutdown grace period of {} ms over; closing remaining connections",
                   options_.shutdown_grace.count());
      io_context_.stop();
    }
  });

  std::vector<std::thread> workers;
  for (std::size_t index = 1; index < thread_count(options_.threads); ++index) {
    workers.emplace_back([this] { run_io_thread(); });
  }
  run_io_thread();
  for (auto& worker : workers) {
    worker.join();
  }
  {
    std::lock_guard lock(stop_mutex_);
    run_finished_ = true;
  }
  stop_condition_.notify_all();
  watchdog.join();
}

void Server::Impl::run_io_thread() {
  // A handler that throws out of the io_context is a bug, but it must not end the thread:
  // run() may be called again and carries on with the remaining work.
  while (true) {
    try {
      io_context_.run();
      return;
    } catch (const std::exception& error) {
      spdlog::error("http I/O thread caught: {}", error.what());
    }
  }
}

void Server::Impl::stop() {
  stopping_ = true;
  {
    std::lock_guard lock(stop_mutex_);
    stop_requested_ = true;
  }
  stop_condition_.notify_all();
  asio::post(control_, [this] { begin_shutdown(); });
}

void Server::Impl::begin_shutdown() {
  if (shutdown_started_) {
    return;
  }
  shutdown_started_ = true;
  SystemError ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);

  std::vector<std::shared_ptr<Connection>> open_connections;
  {
    std::lock_guard lock(connections_mutex_);
    for (const auto& [pointer, weak] : connections_) {
      if (auto connection = weak.lock()) {
        open_connections.push_back(std::move(connection));
      }
    }
  }
  // Idle connections are closed now; busy ones close after their response.
  for (auto& connection : open_connections) {
    asio::post(connection->stream.get_executor(), [connection] {
      if (!connection->busy) {
        close_connection(*connection);
      }
    });
  }
}

asio::awaitable<void> Server::Impl::accept_loop() {
  while (!stopping_) {
    SystemError error;
    Tcp::socket socket(asio::make_strand(io_context_));
    co_await acceptor_.async_accept(socket, with_error(error));
    if (stopping_) {
      break;
    }
    if (error) {
      if (error == asio::error::operation_aborted || !acceptor_.is_open()) {
        break;
      }
      // E.g. EMFILE: pause, so that a full descriptor table does not become a busy loop.
      spdlog::warn("http accept failed: {}", error.message());
      asio::steady_timer pause(control_, std::chrono::milliseconds(100));
      co_await pause.async_wait(with_error(error));
      continue;
    }
    SystemError ignored;
    socket.set_option(Tcp::no_delay(true), ignored);
    auto connection = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(connections_mutex_);
      connections_.emplace(connection.get(), connection);
    }
    asio::co_spawn(connection->stream.get_executor(), serve_connection(connection),
                   log_failure("connection"));
  }
}

Request Server::Impl::make_request(const IncomingMessage& message, const std::string& remote) const {
  Request request;
  request.method_text = std::string(message.method_string());
  request.method = method_from_name(request.method_text);
  request.set_target(std::string(message.target()));
  for (const auto& field : message) {
    request.headers.add(std::string(field.name_string()), std::string(field.value()));
  }
  request.remote_address = remote;
  request.route_pattern = "unmatched";
  dispatcher_->prepare(request);
  return request;
}

asio::awaitable<void> Server::Impl::serve_connection(std::shared_ptr<Connection> connection) {
  Registration registration{*this, connection.get()};
  beast::tcp_stream& stream = connection->stream;
  const std::string remote = remote_address(stream);
  beast::flat_buffer buffer;
  bool first_request = true;
  bool drain_before_close = false;

  // The first request's header must be complete within header_timeout of the accept,
  // however slowly its bytes trickle in.
  stream.expires_after(options_.header_timeout);
  while (!stopping_) {
    SystemError error;
    if (buffer.size() == 0) {
      // Waiting for the next request on a kept-alive connection is idleness, not slowness.
      if (!first_request) {
        stream.expires_after(options_.idle_timeout);
      }
      std::size_t received = co_await stream.async_read_some(buffer.prepare(kReadChunk), with_error(error));
      if (error) {
        break;
      }
      buffer.commit(received);
    }
    if (!first_request) {
      stream.expires_after(options_.header_timeout);
    }

    beast_http::request_parser<beast_http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options_.header_limit, UINT32_MAX)));
    // The largest limit while reading the header (Beast checks Content-Length against it
    // there); the route's own limit is applied once the path is known.
    parser.body_limit(std::max(options_.body_limit, options_.upload_body_limit));
    co_await beast_http::async_read_header(stream, buffer, parser, with_error(error));
    if (error) {
      if (!is_silent_ending(error)) {
        std::size_t header_body_limit = body_limit_for(std::string(parser.get().target()));
        co_await answer_transport_error(stream, parser.get(), remote, error, header_body_limit);
        drain_before_close = true;
      }
      break;
    }
    Clock::time_point started = Clock::now();
    connection->busy = true;
    auto in_flight = metrics_.track_in_flight();
    Request request = make_request(parser.get(), remote);
    const std::size_t body_limit = body_limit_for(request.path);
    parser.body_limit(body_limit);
    const bool declared_too_large = parser.content_length() && *parser.content_length() > body_limit;
    if (declared_too_large) {
      Response too_large =
          problem_response(Error(ErrorCode::PayloadTooLarge, {std::to_string(body_limit)}), request);
      co_await respond(stream, request, std::move(too_large), 11, false, started);
      drain_before_close = true;
      break;
    }

    if (!parser.is_done()) {
      auto expect = request.headers.get("Expect");
      if (expect && equals_ignoring_case(*expect, "100-continue")) {
        beast_http::response<beast_http::empty_body> go_ahead{beast_http::status::continue_,
                                                              parser.get().version()};
        stream.expires_after(options_.body_timeout);
        co_await beast_http::async_write(stream, go_ahead, with_error(error));
        if (error) {
          break;
        }
      }
      stream.expires_after(options_.body_timeout);
      co_await beast_http::async_read(stream, buffer, parser, with_error(error));
      if (error) {
        if (!is_silent_ending(error)) {
          co_await answer_transport_error(stream, parser.get(), remote, error, body_limit);
          drain_before_close = true;
        }
        break;
      }
    }

    request.body = std::move(parser.get().body());
    Response response = dispatcher_->dispatch(request);
    // Decided after the handler ran: a stop() meanwhile must turn this into the last response.
    bool keep_alive = parser.get().keep_alive() && !stopping_;
    bool written =
        co_await respond(stream, request, std::move(response), parser.get().version(), keep_alive, started);
    connection->busy = false;
    if (!written || !keep_alive) {
      break;
    }
    first_request = false;
  }

  if (drain_before_close) {
    co_await drain_and_close(*connection);
  } else {
    close_connection(*connection);
  }
}

asio::awaitable<void> Server::Impl::answer_transport_error(beast::tcp_stream& stream,
                                                           const IncomingMessage& message,
                                                           const std::string& remote,
                                                           const SystemError& error, std::size_t body_limit) {
  Clock::time_point started = Clock::now();
  Request request = make_request(message, remote);
  Error problem(ErrorCode::InvalidInput, {"malformed HTTP request"});
  if (error == beast_http::error::body_limit) {
    problem = Error(ErrorCode::PayloadTooLarge, {std::to_string(body_limit)});
  } else if (error == beast_http::error::header_limit) {
    // The vocabulary has no 431 class; a 400 with the reason is the documented answer.
    problem = Error(ErrorCode::InvalidInput,
                    {"HTTP header larger than " + std::to_string(options_.header_limit) + " bytes"});
  }
  spdlog::debug("http request from {} refused: {}", remote, error.message());
  co_await respond(stream, request, problem_response(problem, request), 11, false, started);
}

asio::awaitable<bool> Server::Impl::respond(beast::tcp_stream& stream, const Request& request,
                                            Response response, unsigned version, bool keep_alive,
                                            Clock::time_point started) {
  dispatcher_->finish(request, response);
  if (response.status < 100 || response.status > 599) {
    spdlog::error("handler for {} returned invalid status {}", request.route_pattern, response.status);
    response = problem_response(Error(ErrorCode::Internal, {request.request_id}), request);
    dispatcher_->finish(request, response);
  }

  beast_http::response<beast_http::string_body> message;
  message.version(version);
  message.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) {
    if (is_header_name(name) && !is_reserved_header(name)) {
      message.insert(name, header_value(value));
    }
  }
  message.set(beast_http::field::date, http_date());
  std::size_t bytes_out = 0;
  bool has_body = response.status / 100 != 1 && response.status != 204 && response.status != 304;
  if (has_body) {
    // HEAD gets the Content-Length a GET would have, and no body.
    message.content_length(response.body.size());
    if (request.method != Method::head) {
      bytes_out = response.body.size();
      message.body() = std::move(response.body);
    }
  }
  message.keep_alive(keep_alive);

  SystemError error;
  stream.expires_after(options_.body_timeout);
  co_await beast_http::async_write(stream, message, with_error(error));
  dispatcher_->record(request, response.status, Clock::now() - started, error ? 0 : bytes_out);
  co_return !error;
}

asio::awaitable<void> Server::Impl::drain_and_close(Connection& connection) {
  SystemError error;
  connection.stream.socket().shutdown(Tcp::socket::shutdown_send, error);
  connection.stream.expires_after(kDrainTime);
  std::array<char, kReadChunk> scratch{};
  std::size_t drained = 0;
  while (!error && drained < kMaxDrainBytes) {
    drained += co_await connection.stream.async_read_some(asio::buffer(scratch), with_error(error));
  }
  close_connection(connection);
}

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

Server::~Server() = default;

Result<void> Server::listen() {
  return impl_->listen();
}

std::uint16_t Server::port() const {
  return impl_->port();
}

void Server::run() {
  impl_->run();
}

void Server::stop() {
  impl_->stop();
}

}  // namespace sinergi::http
