#include "server_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <memory>
#include <regex>

extern char** environ;

namespace sinergi::api_test {
namespace {

struct Spawned {
  pid_t pid = -1;
  int stdout_fd = -1;
  int stderr_fd = -1;
};

Spawned spawn_sinergi(const std::vector<std::string>& arguments) {
  std::array<int, 2> stdout_pipe{};
  std::array<int, 2> stderr_pipe{};
  if (pipe2(stdout_pipe.data(), O_CLOEXEC) != 0 || pipe2(stderr_pipe.data(), O_CLOEXEC) != 0) {
    return {};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdout_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stderr_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

  std::vector<std::string> command{SINERGI_BINARY};
  command.insert(command.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : command) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  pid_t pid = -1;
  int spawn_error = posix_spawn(&pid, SINERGI_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(stdout_pipe[1]);
  close(stderr_pipe[1]);
  if (spawn_error != 0) {
    close(stdout_pipe[0]);
    close(stderr_pipe[0]);
    return {};
  }
  return {pid, stdout_pipe[0], stderr_pipe[0]};
}

void drain(int fd, std::mutex& mutex, std::string& into) {
  std::array<char, 4096> buffer{};
  while (true) {
    ssize_t count = read(fd, buffer.data(), buffer.size());
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count <= 0) {
      break;
    }
    std::lock_guard lock(mutex);
    into.append(buffer.data(), static_cast<std::size_t>(count));
  }
  close(fd);
}

// Waits for the child to exit within timeout; returns its status or nullopt.
std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t result = waitpid(pid, &status, WNOHANG);
    if (result == pid) {
      if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
      }
      return 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

}  // namespace

std::optional<ServerProcess> ServerProcess::start(const std::vector<std::string>& arguments,
                                                  std::chrono::milliseconds startup_timeout) {
  std::vector<std::string> full_arguments{"serve", "--listen", "127.0.0.1:0", "--log-level", "warn"};
  full_arguments.insert(full_arguments.end(), arguments.begin(), arguments.end());
  Spawned spawned = spawn_sinergi(full_arguments);
  if (spawned.pid < 0) {
    ADD_FAILURE() << "could not start " << SINERGI_BINARY;
    return std::nullopt;
  }
  ServerProcess process;
  process.pid_ = spawned.pid;
  process.output_ = std::make_unique<Output>();
  Output* output = process.output_.get();
  process.stdout_reader_ =
      std::thread([fd = spawned.stdout_fd, output] { drain(fd, output->mutex, output->standard_output); });
  process.stderr_reader_ =
      std::thread([fd = spawned.stderr_fd, output] { drain(fd, output->mutex, output->standard_error); });

  static const std::regex kListening(R"(listening on http://[^\s]+:(\d+))");
  auto deadline = std::chrono::steady_clock::now() + startup_timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    std::string text = process.standard_output();
    if (std::regex_search(text, match, kListening)) {
      process.port_ = static_cast<std::uint16_t>(std::stoi(match[1].str()));
      return process;
    }
    int status = 0;
    if (waitpid(process.pid_, &status, WNOHANG) == process.pid_) {
      process.pid_ = -1;
      process.join_readers();
      ADD_FAILURE() << "sinergi exited before listening; stderr: " << process.standard_error();
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "sinergi did not report its port in time; stderr: " << process.standard_error();
  return std::nullopt;
}

ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      port_(other.port_),
      output_(std::move(other.output_)),
      stdout_reader_(std::move(other.stdout_reader_)),
      stderr_reader_(std::move(other.stderr_reader_)) {}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    stop();
  }
  join_readers();
}

void ServerProcess::join_readers() {
  if (stdout_reader_.joinable()) {
    stdout_reader_.join();
  }
  if (stderr_reader_.joinable()) {
    stderr_reader_.join();
  }
}

int ServerProcess::stop(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) {
    return -1;
  }
  kill(pid_, SIGTERM);
  std::optional<int> status = wait_for_exit(pid_, timeout);
  if (!status) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
  join_readers();
  return status.value_or(-1);
}

std::string ServerProcess::standard_output() const {
  std::lock_guard lock(output_->mutex);
  return output_->standard_output;
}

std::string ServerProcess::standard_error() const {
  std::lock_guard lock(output_->mutex);
  return output_->standard_error;
}

CommandResult run_sinergi(const std::vector<std::string>& arguments, std::chrono::milliseconds timeout) {
  Spawned spawned = spawn_sinergi(arguments);
  CommandResult result;
  if (spawned.pid < 0) {
    ADD_FAILURE() << "could not start " << SINERGI_BINARY;
    return result;
  }
  std::mutex mutex;
  std::thread stdout_reader([&] { drain(spawned.stdout_fd, mutex, result.standard_output); });
  std::thread stderr_reader([&] { drain(spawned.stderr_fd, mutex, result.standard_error); });
  std::optional<int> status = wait_for_exit(spawned.pid, timeout);
  if (!status) {
    kill(spawned.pid, SIGKILL);
    waitpid(spawned.pid, nullptr, 0);
    ADD_FAILURE() << "sinergi did not finish in time";
  }
  stdout_reader.join();
  stderr_reader.join();
  result.exit_code = status.value_or(-1);
  return result;
}

}  // namespace sinergi::api_test
