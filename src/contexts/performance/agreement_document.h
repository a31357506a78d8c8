#pragma once

#include <string>

#include "contexts/performance/agreement_service.h"
#include "core/error.h"

// The performance agreement as a printable A4 PDF (RULES.md section 6, PermenPANRB 53/2014):
// the title, the parties, the standard wording, the signature blocks (with the electronic
// signatures' time and SHA-256 when signed), and the annex table of objectives, indicators,
// targets (yearly and TW I-IV) and programs with their budget. A draft is marked as such.

namespace sinergi::performance {

Result<std::string> agreement_pdf(const AgreementView& view);

}  // namespace sinergi::performance
