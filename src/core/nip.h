#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"

// NIP (Nomor Induk Pegawai), the 18-digit number of an Indonesian civil servant (ASN). Used
// by user accounts (identity) and by the people of the organization registry.

namespace sinergi {

// NIP, 18 digits:
//   1-8   birth date YYYYMMDD, a real date with the year in 1940..2010;
//   9-14  appointment (TMT CPNS) YYYYMM, year 1960..2100, month 1..12, after the birth month;
//   15    gender, 1 (male) or 2 (female);
//   16-18 serial number 001..999.
// Appends one FieldError under `field` for every broken rule, each naming the digits
// concerned (Indonesian message with an English translation); appends nothing when the NIP
// is valid.
void check_nip(std::string_view nip, std::vector<FieldError>& errors, std::string_view field = "nip");

// True when check_nip finds nothing wrong.
bool is_valid_nip(std::string_view nip);

}  // namespace sinergi
