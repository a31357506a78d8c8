#include "core/nip.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "core/input_text.h"

namespace sinergi {
namespace {

void add(std::vector<FieldError>& errors, std::string_view field, std::string message_id,
         std::string message_en) {
  errors.push_back(FieldError{std::string(field), std::move(message_id), std::move(message_en)});
}

int digits_value(std::string_view digits) {
  int value = 0;
  for (char digit : digits) {
    value = value * 10 + (digit - '0');
  }
  return value;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

constexpr int kFirstBirthYear = 1940;
constexpr int kLastBirthYear = 2010;
constexpr int kFirstAppointmentYear = 1960;
constexpr int kLastAppointmentYear = 2100;

}  // namespace

void check_nip(std::string_view nip, std::vector<FieldError>& errors, std::string_view field) {
  if (nip.size() != 18 || !std::all_of(nip.begin(), nip.end(), is_ascii_digit)) {
    add(errors, field, "NIP harus tepat 18 angka", "an NIP must be exactly 18 digits");
    return;
  }
  const std::string_view birth = nip.substr(0, 8);
  const int birth_year = digits_value(birth.substr(0, 4));
  const int birth_month = digits_value(birth.substr(4, 2));
  const int birth_day = digits_value(birth.substr(6, 2));
  bool birth_valid = true;
  if (birth_month < 1 || birth_month > 12 || birth_day < 1 ||
      birth_day > days_in_month(birth_year, birth_month)) {
    add(errors, field,
        "angka 1-8 (tanggal lahir " + std::string(birth) + ") bukan tanggal yang sah (TTTTBBHH)",
        "digits 1-8 (birth date " + std::string(birth) + ") are not a real date (YYYYMMDD)");
    birth_valid = false;
  } else if (birth_year < kFirstBirthYear || birth_year > kLastBirthYear) {
    add(errors, field, "angka 1-8: tahun lahir " + std::to_string(birth_year) + " harus antara 1940 dan 2010",
        "digits 1-8: birth year " + std::to_string(birth_year) + " must be between 1940 and 2010");
    birth_valid = false;
  }

  const std::string_view appointment = nip.substr(8, 6);
  const int appointment_year = digits_value(appointment.substr(0, 4));
  const int appointment_month = digits_value(appointment.substr(4, 2));
  if (appointment_month < 1 || appointment_month > 12) {
    add(errors, field,
        "angka 9-14 (TMT pengangkatan " + std::string(appointment) + "): bulan " +
            std::to_string(appointment_month) + " harus 01 sampai 12",
        "digits 9-14 (appointment " + std::string(appointment) + "): month " +
            std::to_string(appointment_month) + " must be 01 to 12");
  } else if (appointment_year < kFirstAppointmentYear || appointment_year > kLastAppointmentYear) {
    add(errors, field,
        "angka 9-14: tahun pengangkatan " + std::to_string(appointment_year) + " harus antara 1960 dan 2100",
        "digits 9-14: appointment year " + std::to_string(appointment_year) +
            " must be between 1960 and 2100");
  } else if (birth_valid &&
             std::tie(appointment_year, appointment_month) <= std::tie(birth_year, birth_month)) {
    add(errors, field, "angka 9-14: TMT pengangkatan harus sesudah tanggal lahir",
        "digits 9-14: the appointment must come after the birth date");
  }

  const char gender = nip[14];
  if (gender != '1' && gender != '2') {
    add(errors, field, std::string("angka 15 (jenis kelamin) harus 1 atau 2, bukan ") + gender,
        std::string("digit 15 (gender) must be 1 or 2, not ") + gender);
  }

  if (digits_value(nip.substr(15, 3)) == 0) {
    add(errors, field, "angka 16-18 (nomor urut) harus 001 sampai 999",
        "digits 16-18 (serial number) must be 001 to 999");
  }
}

bool is_valid_nip(std::string_view nip) {
  std::vector<FieldError> errors;
  check_nip(nip, errors);
  return errors.empty();
}

}  // namespace sinergi
