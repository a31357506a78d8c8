#pragma once

#include <sys/types.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace sinergi::api_test {

// The real `sinergi` binary run as a child process, the way an operator runs it.
// Output is drained continuously (so the access log can never block the server) and
// kept for assertions.
class ServerProcess {
 public:
  // Starts `sinergi serve --listen 127.0.0.1:0 <arguments>` and waits until it prints
  // the port it listens on. Fails the calling test (and returns nullopt) if it does not.
  static std::optional<ServerProcess> start(
      const std::vector<std::string>& arguments,
      std::chrono::milliseconds startup_timeout = std::chrono::seconds(30));

  ServerProcess(ServerProcess&& other) noexcept;
  ServerProcess& operator=(ServerProcess&&) = delete;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  std::uint16_t port() const { return port_; }
  // Sends SIGTERM and waits; returns the exit status (or -1 when it had to be killed).
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(15));
  std::string standard_output() const;
  std::string standard_error() const;

 private:
  ServerProcess() = default;
  void join_readers();

  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  struct Output {
    mutable std::mutex mutex;
    std::string standard_output;
    std::string standard_error;
  };
  std::unique_ptr<Output> output_;
  std::thread stdout_reader_;
  std::thread stderr_reader_;
};

struct CommandResult {
  int exit_code = -1;
  std::string standard_output;
  std::string standard_error;
};

// Runs `sinergi <arguments>` to completion (bounded by timeout) and captures its output.
CommandResult run_sinergi(const std::vector<std::string>& arguments,
                          std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace sinergi::api_test
