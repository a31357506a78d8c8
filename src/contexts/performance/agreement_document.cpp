#include "contexts/performance/agreement_document.h"

#include "core/date.h"
#include "platform/document/document.h"

namespace sinergi::performance {
namespace {

using document::Align;
using document::Column;
using document::Paragraph;
using document::SignatureBlock;
using document::SignatureParty;
using document::Table;
using document::TextStyle;

const char* const kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                               "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};

// "12 Januari 2026" from an ISO-8601 UTC timestamp, on the region's local day.
std::string indonesian_date(const std::string& timestamp) {
  const auto time = parse_iso8601_utc(timestamp);
  if (!time.ok()) {
    return timestamp;
  }
  const std::chrono::year_month_day day(local_date(time.value(), kOffsetWita));
  return std::to_string(static_cast<unsigned>(day.day())) + " " +
         kMonths[static_cast<unsigned>(day.month()) - 1] + " " + std::to_string(static_cast<int>(day.year()));
}

std::string target_text(const std::optional<TargetValue>& target) {
  if (!target) {
    return "-";
  }
  if (target->value) {
    return target->value->format(Locale::indonesian);
  }
  return (target->lower ? target->lower->format(Locale::indonesian) : "?") + " - " +
         (target->upper ? target->upper->format(Locale::indonesian) : "?");
}

Paragraph text(std::string content, double size = 11, bool bold = false, Align align = Align::justify,
               double after = 6) {
  return Paragraph{std::move(content), TextStyle{size, bold, false, align}, 0, after, 0};
}

// The electronic signature of a party, from the timeline: when and over which hash.
std::string stamp_of(const AgreementView& view, std::string_view transition) {
  for (const workflow::Step& step : view.timeline) {
    if (step.transition == transition) {
      const auto hash = step.fields.find("document_sha256");
      return "Ditandatangani secara elektronik oleh " + step.actor_name + " pada " + step.at +
             (hash == step.fields.end() ? std::string() : " · SHA-256 " + hash->second);
    }
  }
  return {};
}

SignatureBlock signatures(const AgreementView& view) {
  const AgreementContent& content = view.record.content;
  std::string place_and_date =
      "............................, ........................ " + std::to_string(view.record.year);
  for (const workflow::Step& step : view.timeline) {
    if (step.transition == "sign_second_party") {
      place_and_date = indonesian_date(step.at);
    }
  }
  SignatureParty second{"PIHAK KEDUA,", content.second_party.position, content.second_party.name,
                        content.second_party.nip.empty() ? "" : "NIP. " + content.second_party.nip,
                        stamp_of(view, "sign_second_party")};
  SignatureParty first{"PIHAK PERTAMA,", content.first_party.position, content.first_party.name,
                       (content.first_party.rank.empty() ? "" : content.first_party.rank + "\n") +
                           (content.first_party.nip.empty() ? "" : "NIP. " + content.first_party.nip),
                       stamp_of(view, "sign_first_party")};
  return SignatureBlock{std::move(place_and_date), {std::move(second), std::move(first)}};
}

}  // namespace

Result<std::string> agreement_pdf(const AgreementView& view) {
  const AgreementRecord& record = view.record;
  const AgreementContent& content = record.content;
  const std::string year = std::to_string(record.year);
  const std::string kind =
      record.number == 1 ? "" : " (PERUBAHAN KE-" + std::to_string(record.number - 1) + ")";

  document::Document pdf;
  pdf.title = "Perjanjian Kinerja " + content.agency_name + " Tahun " + year;
  pdf.author = content.region_name;
  pdf.subject = "Perjanjian Kinerja (PermenPANRB 53/2014)";
  pdf.header_text = "Perjanjian Kinerja " + content.agency_name + " Tahun " + year + kind;
  pdf.footer_text = record.document_sha256 ? "SHA-256 dokumen: " + *record.document_sha256
                                           : "DRAF — belum diajukan, belum berlaku";

  auto& blocks = pdf.blocks;
  blocks.push_back(text(content.region_name, 12, true, Align::center, 2));
  blocks.push_back(text("PERJANJIAN KINERJA TAHUN " + year + kind, 14, true, Align::center, 2));
  blocks.push_back(text(content.agency_name, 12, true, Align::center, 18));
  if (view.record.state != kSigned) {
    blocks.push_back(text("DRAF — status: " + record.state, 10, true, Align::center, 12));
  }
  blocks.push_back(
      text("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
           "berorientasi "
           "pada hasil, kami yang bertanda tangan di bawah ini:"));
  blocks.push_back(
      Paragraph{"Nama\t: " + content.first_party.name + "\nJabatan\t: " + content.first_party.position,
                TextStyle{11, false, false, Align::left}, 0, 4, 28});
  blocks.push_back(text("selanjutnya disebut pihak pertama"));
  blocks.push_back(
      Paragraph{"Nama\t: " + content.second_party.name + "\nJabatan\t: " + content.second_party.position,
                TextStyle{11, false, false, Align::left}, 0, 4, 28});
  blocks.push_back(text("selaku atasan pihak pertama, selanjutnya disebut pihak kedua."));
  blocks.push_back(
      text("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
           "ini, dalam "
           "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
           "perencanaan. "
           "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."));
  blocks.push_back(
      text("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
           "capaian kinerja "
           "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
           "dan sanksi.",
           11, false, Align::justify, 18));
  if (record.number > 1 && !record.revision_reason.empty()) {
    blocks.push_back(text("Perjanjian ini mengubah perjanjian nomor urut " +
                              std::to_string(record.number - 1) + " dengan alasan: " + record.revision_reason,
                          10, false, Align::justify, 12));
  }
  blocks.push_back(signatures(view));

  // Annex: the items, then the programs with their budget.
  blocks.push_back(document::PageBreak{});
  blocks.push_back(text("LAMPIRAN PERJANJIAN KINERJA TAHUN " + year + kind, 12, true, Align::center, 2));
  blocks.push_back(text(content.agency_name, 11, true, Align::center, 12));
  Table items;
  items.columns = {Column{"No", 0.55, Align::right},    Column{"Sasaran", 2.2},
                   Column{"Indikator Kinerja", 2.6},    Column{"Satuan", 0.9},
                   Column{"Target", 0.9, Align::right}, Column{"TW I", 0.8, Align::right},
                   Column{"TW II", 0.8, Align::right},  Column{"TW III", 0.8, Align::right},
                   Column{"TW IV", 0.8, Align::right}};
  int number = 0;
  for (const AgreementItem& item : content.items) {
    items.rows.push_back(
        {std::to_string(++number),
         item.objective_code.empty() ? item.objective : item.objective_code + " " + item.objective,
         item.indicator, item.unit, target_text(item.yearly_target), target_text(item.quarter_targets[0]),
         target_text(item.quarter_targets[1]), target_text(item.quarter_targets[2]),
         target_text(item.quarter_targets[3])});
  }
  blocks.push_back(std::move(items));
  blocks.push_back(
      text("Target triwulan bersifat kumulatif (sampai dengan akhir triwulan).", 8, false, Align::left, 12));

  Table programs;
  programs.columns = {Column{"No", 0.55, Align::right}, Column{"Kode", 1.4},
                      Column{"Program / Kegiatan / Subkegiatan", 4.6}, Column{"Anggaran", 1.8, Align::right}};
  number = 0;
  for (const AgreementProgram& program : content.programs) {
    programs.rows.push_back(
        {std::to_string(++number), program.code, program.title, program.budget.format(Locale::indonesian)});
  }
  programs.rows.push_back({"", "", "Jumlah", total_budget(content).format(Locale::indonesian)});
  programs.bold_rows.push_back(programs.rows.size() - 1);
  blocks.push_back(std::move(programs));
  blocks.push_back(signatures(view));

  document::RenderedPdf rendered = TRY(document::render_pdf(pdf));
  return std::move(rendered.bytes);
}

}  // namespace sinergi::performance
