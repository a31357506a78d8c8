// The organization demo: a plan built in memory from a fixed seed, then written with bulk
// inserts (COPY on PostgreSQL) in one transaction. Units, positions and people get their
// ids from the database; they are read back by natural key, one SELECT per table (units
// once per tree level, since children name their parent's id).
#include "contexts/organization/organization_demo.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "contexts/organization/vocabulary.h"
#include "core/clock.h"
#include "core/nip.h"
#include "platform/audit/audit_log.h"
#include "platform/db/bulk_insert.h"
#include "platform/db/database.h"

namespace sinergi::organization {
namespace {

constexpr std::uint32_t kSeed = 20161201;  // the Perda SOTK of 2016
constexpr std::size_t kAttendanceBatch = 50000;

Date calendar(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

Date plus_days(Date date, int days) {
  return date + std::chrono::days{days};
}

// The structure of 2016 (Perda SOTK) and the posts added in 2023.
const Date kOriginalStructure = calendar(2016, 12, 1);
const Date kNewerPosts = calendar(2023, 7, 3);
const Date kBapperidaFormed = calendar(2023, 1, 2);
const Date kHistoryStarts = calendar(2017, 1, 2);
const Date kCurrentTenuresFrom = calendar(2019, 1, 2);
const Date kCurrentTenuresUntil = calendar(2024, 12, 31);

// Uniform choices over the raw mt19937 output, whose sequence the standard fixes (the
// distributions of <random> differ between standard libraries), so the demo is the same
// with every compiler.
class Random {
 public:
  explicit Random(std::uint32_t seed) : engine_(seed) {}

  // In [low, high]; low when high <= low.
  int between(int low, int high) {
    if (high <= low) {
      return low;
    }
    const auto span = static_cast<std::uint32_t>(high - low) + 1U;
    return low + static_cast<int>(engine_() % span);
  }
  bool chance(int per_10000) { return static_cast<int>(engine_() % 10000U) < per_10000; }
  Date date_between(Date first, Date last) { return plus_days(first, between(0, days_between(first, last))); }
  template <typename Container>
  const auto& pick(const Container& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::mt19937 engine_;
};

// --- Names ---

constexpr auto kMaleFirstNames = std::to_array<std::string_view>(
    {"Andi",   "Budi",     "Rahmat", "Yusuf",      "Hendra",  "Agus",   "Muhammad", "Syahrul", "Aji",
     "Irwan",  "Taufik",   "Hairul", "Joko",       "Bambang", "Ahmad",  "Rudi",     "Eko",     "Dedi",
     "Fajar",  "Rizky",    "Arief",  "Hamdani",    "Ridwan",  "Zainal", "Darmawan", "Abdul",   "Yudha",
     "Samsul", "Iskandar", "Wahyu",  "Syamsuddin", "Hasan",   "Anwar",  "Sofyan"});
constexpr auto kFemaleFirstNames = std::to_array<std::string_view>(
    {"Dewi",    "Siti",  "Nur",   "Fitriani", "Ratna",   "Rina",    "Sri",       "Wahyuni",
     "Yuliana", "Nurul", "Indah", "Aminah",   "Dian",    "Eka",     "Novita",    "Kartika",
     "Maya",    "Sari",  "Intan", "Ayu",      "Herlina", "Mariani", "Norhayati", "Rusmini",
     "Fatimah", "Yanti", "Lina",  "Hartati",  "Rosita",  "Wulan",   "Annisa",    "Nurjannah"});
constexpr auto kFamilyNames = std::to_array<std::string_view>(
    {"Santoso",  "Wijaya", "Hidayat",    "Rahman",   "Susanto",  "Syahrani", "Rusdiansyah", "Fadly",
     "Noor",     "Hakim",  "Ramadhan",   "Prasetyo", "Setiawan", "Gunawan",  "Nugroho",     "Siregar",
     "Tanjung",  "Lubis",  "Baharuddin", "Arsyad",   "Mahmud",   "Effendi",  "Husain",      "Aminuddin",
     "Nasution", "Sinaga", "Hamid",      "Mansyur",  "Anshari",  "Kadir"});
constexpr auto kMaleFamilyNames =
    std::to_array<std::string_view>({"Saputra", "Pratama", "Kurniawan", "Firmansyah", "Hermawan", "Syahputra",
                                     "Maulana", "Wibowo", "Kusuma", "Permana"});
constexpr auto kFemaleFamilyNames =
    std::to_array<std::string_view>({"Hasanah", "Lestari", "Rahmawati", "Puspitasari", "Handayani", "Safitri",
                                     "Anggraini", "Ningsih", "Maharani", "Utami"});
constexpr auto kBachelors = std::to_array<std::string_view>(
    {"S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.P.", "S.Pd.", "S.STP.", "S.IP.", "S.AP."});
constexpr auto kMasters =
    std::to_array<std::string_view>({"M.Si.", "M.M.", "M.AP.", "M.T.", "M.H.", "M.Pd.", "M.E."});
constexpr auto kHealthBachelors =
    std::to_array<std::string_view>({"S.KM.", "S.Kep., Ns.", "S.Farm., Apt.", "S.Gz.", "S.Tr.Kes."});

// --- Structure tables ---

struct NamedUnit {
  std::string_view code;  // suffix: unit BID.<code>, post KABID.<code>
  std::string_view name;  // without "Bidang "
};

struct AgencyBidang {
  std::string_view agency;
  std::vector<NamedUnit> bidang;
};

const std::vector<AgencyBidang>& bidang_table() {
  static const std::vector<AgencyBidang> table = {
      {"Dinkes",
       {{"KESMAS", "Kesehatan Masyarakat"},
        {"P2P", "Pencegahan dan Pengendalian Penyakit"},
        {"YANKES", "Pelayanan Kesehatan"},
        {"SDK", "Sumber Daya Kesehatan"}}},
      {"Disdikbud",
       {{"SMA", "Pembinaan SMA"},
        {"SMK", "Pembinaan SMK"},
        {"PK", "Pendidikan Khusus"},
        {"BUD", "Kebudayaan"}}},
      {"PUPR-PERA",
       {{"BM", "Bina Marga"}, {"SDA", "Sumber Daya Air"}, {"CK", "Cipta Karya"}, {"TR", "Penataan Ruang"}}},
      {"Perkim",
       {{"PERUM", "Perumahan"}, {"KP", "Kawasan Permukiman"}, {"PSU", "Prasarana Sarana dan Utilitas Umum"}}},
      {"Dinsos",
       {{"LINJAMSOS", "Perlindungan dan Jaminan Sosial"},
        {"RESOS", "Rehabilitasi Sosial"},
        {"DAYASOS", "Pemberdayaan Sosial"},
        {"PFM", "Penanganan Fakir Miskin"}}},
      {"DKP3A",
       {{"KHPK", "Kualitas Hidup Perempuan dan Keluarga"},
        {"PPA", "Perlindungan Perempuan dan Anak"},
        {"PHA", "Pemenuhan Hak Anak"},
        {"DALDUK", "Pengendalian Penduduk dan Data"}}},
      {"DPMPD",
       {{"PEMDES", "Pemerintahan Desa"},
        {"PM", "Pemberdayaan Masyarakat"},
        {"EKDES", "Pengembangan Ekonomi dan Kawasan Perdesaan"}}},
      {"Disnakertrans",
       {{"LATTAS", "Pelatihan dan Penempatan Tenaga Kerja"},
        {"HI", "Hubungan Industrial dan Jaminan Sosial"},
        {"WASNAKER", "Pengawasan Ketenagakerjaan"},
        {"TRANS", "Transmigrasi"}}},
      {"DLH",
       {{"TL", "Tata Lingkungan"},
        {"PSLB3", "Pengelolaan Sampah dan Limbah B3"},
        {"PPKL", "Pengendalian Pencemaran dan Kerusakan Lingkungan"},
        {"PPK", "Penaatan dan Peningkatan Kapasitas Lingkungan"}}},
      {"Dishut",
       {{"RPH", "Perencanaan dan Pemanfaatan Hutan"},
        {"PHK", "Perlindungan Hutan dan Konservasi Sumber Daya Alam"},
        {"RHL", "Rehabilitasi Hutan dan Lahan"},
        {"PPM", "Penyuluhan dan Pemberdayaan Masyarakat"}}},
      {"Disbun",
       {{"TAN", "Tanaman Tahunan dan Semusim"},
        {"LINBUN", "Perlindungan Perkebunan"},
        {"P2HP", "Pengolahan dan Pemasaran Hasil Perkebunan"}}},
      {"DPTPH", {{"TP", "Tanaman Pangan"}, {"HORTI", "Hortikultura"}, {"KP", "Ketahanan Pangan"}}},
      {"DPKH",
       {{"BIBIT", "Perbibitan dan Produksi"},
        {"KESWAN", "Kesehatan Hewan"},
        {"KESMAVET", "Kesehatan Masyarakat Veteriner"}}},
      {"DKP",
       {{"TANGKAP", "Perikanan Tangkap"},
        {"BUDIDAYA", "Perikanan Budidaya"},
        {"PRL", "Pengelolaan Ruang Laut"},
        {"P2HP", "Pengolahan dan Pemasaran Hasil Perikanan"}}},
      {"ESDM",
       {{"MINERBA", "Mineral dan Batubara"},
        {"GATRIK", "Ketenagalistrikan"},
        {"EBT", "Energi Baru Terbarukan"},
        {"GAT", "Geologi dan Air Tanah"}}},
      {"Disperindagkop",
       {{"IND", "Perindustrian"},
        {"DAG", "Perdagangan"},
        {"KOP", "Koperasi"},
        {"UKM", "Usaha Kecil dan Menengah"}}},
      {"DPMPTSP",
       {{"PROMOSI", "Perencanaan dan Promosi Penanaman Modal"},
        {"YANIZIN", "Pelayanan Perizinan"},
        {"DALAK", "Pengendalian Pelaksanaan Penanaman Modal"},
        {"PENGADUAN", "Pengaduan dan Informasi"}}},
      {"Dispar",
       {{"DESTINASI", "Destinasi Pariwisata"},
        {"PEMASARAN", "Pemasaran Pariwisata"},
        {"EKRAF", "Ekonomi Kreatif"}}},
      {"Dispora",
       {{"PEMUDA", "Pemuda"}, {"PRESTASI", "Olahraga Prestasi"}, {"BUDAYAOR", "Pembudayaan Olahraga"}}},
      {"Diskominfo",
       {{"IKP", "Informasi dan Komunikasi Publik"},
        {"APTIKA", "Aplikasi Informatika"},
        {"SANDI", "Persandian dan Keamanan Informasi"},
        {"STAT", "Statistik"}}},
      {"Dispusip",
       {{"BANGPUS", "Pengembangan Perpustakaan"},
        {"LAYANAN", "Layanan Perpustakaan"},
        {"ARSIP", "Kearsipan"}}},
      {"Dishub",
       {{"LLAJ", "Lalu Lintas dan Angkutan Jalan"},
        {"PELAYARAN", "Pelayaran"},
        {"UDARA", "Perhubungan Udara dan Perkeretaapian"},
        {"KESELAMATAN", "Keselamatan dan Pengembangan Transportasi"}}},
      {"Bapperida",
       {{"PPM", "Perencanaan Pemerintahan dan Pembangunan Manusia"},
        {"EKONOMI", "Perekonomian dan Sumber Daya Alam"},
        {"INFRA", "Infrastruktur dan Kewilayahan"},
        {"RISET", "Riset dan Inovasi"}}},
      {"Bapenda",
       {{"PAJAK", "Pajak Daerah"},
        {"RETRIBUSI", "Retribusi dan Pendapatan Lain-lain"},
        {"DALEV", "Pengendalian dan Evaluasi Pendapatan"}}},
      {"BPKAD",
       {{"ANGGARAN", "Anggaran"},
        {"BENDAHARA", "Perbendaharaan"},
        {"AKUNTANSI", "Akuntansi dan Pelaporan"},
        {"ASET", "Aset"}}},
      {"BKD",
       {{"PENGADAAN", "Pengadaan dan Informasi"},
        {"MUTASI", "Mutasi dan Promosi"},
        {"BANGKOM", "Pengembangan Kompetensi"}}},
      {"BPSDM",
       {{"TEKNIS", "Pengembangan Kompetensi Teknis"},
        {"MANAJERIAL", "Pengembangan Kompetensi Manajerial"},
        {"SERTIFIKASI", "Sertifikasi Kompetensi dan Pengelolaan Kelembagaan"}}},
      {"BPBD",
       {{"PK", "Pencegahan dan Kesiapsiagaan"},
        {"KL", "Kedaruratan dan Logistik"},
        {"RR", "Rehabilitasi dan Rekonstruksi"}}},
      {"Kesbangpol",
       {{"IDEOLOGI", "Ideologi dan Wawasan Kebangsaan"},
        {"POLDAGRI", "Politik Dalam Negeri"},
        {"EKSOSBUD", "Ketahanan Ekonomi Sosial Budaya dan Organisasi Kemasyarakatan"},
        {"WASNAS", "Kewaspadaan Nasional dan Penanganan Konflik"}}},
      {"SatpolPP",
       {{"GAKDA", "Penegakan Peraturan Daerah"},
        {"TRANTIBUM", "Ketertiban Umum dan Ketenteraman Masyarakat"},
        {"LINMAS", "Perlindungan Masyarakat"}}},
  };
  return table;
}

const std::vector<NamedUnit> kRsudBidang = {
    {"YANMED", "Pelayanan Medik"}, {"KEP", "Keperawatan"}, {"JANG", "Penunjang"}};
const std::vector<NamedUnit> kGenericBidang = {
    {"PROGEV", "Program dan Evaluasi"}, {"PELAYANAN", "Pelayanan"}, {"PENGEMBANGAN", "Pengembangan"}};

struct Uptd {
  std::string_view agency;
  std::string_view code;  // unit UPTD.<code>, post KAUPTD.<code>
  std::string_view name;
};
constexpr std::array<Uptd, 7> kUptds = {{
    {"Dinkes", "LABKES", "UPTD Laboratorium Kesehatan"},
    {"PUPR-PERA", "LABUJI", "UPTD Laboratorium Pengujian Bahan Konstruksi"},
    {"Dinsos", "PSTW", "UPTD Panti Sosial Tresna Werdha Nirwana Puri"},
    {"Disnakertrans", "BLK", "UPTD Balai Latihan Kerja Samarinda"},
    {"DLH", "LABLING", "UPTD Laboratorium Lingkungan"},
    {"Dishut", "TAHURA", "UPTD Taman Hutan Raya Bukit Soeharto"},
    {"Dishub", "PKB", "UPTD Pengujian Kendaraan Bermotor"},
}};

struct Biro {
  std::string_view code;
  std::string_view name;
  std::array<NamedUnit, 2> bagian;
};
constexpr std::array<Biro, 6> kBiros = {{
    {"PEMOTDA",
     "Biro Pemerintahan dan Otonomi Daerah",
     {{{"PEM", "Pemerintahan"}, {"OTDA", "Otonomi Daerah"}}}},
    {"HUKUM", "Biro Hukum", {{{"PERUU", "Perundang-undangan"}, {"BANKUM", "Bantuan Hukum"}}}},
    {"EKON", "Biro Perekonomian", {{{"PEREKONOMIAN", "Perekonomian"}, {"SDA", "Sumber Daya Alam"}}}},
    {"ADPEM",
     "Biro Administrasi Pembangunan",
     {{{"DALBANG", "Pengendalian Pembangunan"}, {"PBJ", "Pengadaan Barang dan Jasa"}}}},
    {"UMUM", "Biro Umum", {{{"TUPIM", "Tata Usaha Pimpinan"}, {"RT", "Rumah Tangga"}}}},
    {"ORG",
     "Biro Organisasi",
     {{{"KAJ", "Kelembagaan dan Analisis Jabatan"}, {"RB", "Reformasi Birokrasi"}}}},
}};

constexpr std::array<std::string_view, 3> kAssistants = {"Asisten Pemerintahan dan Kesejahteraan Rakyat",
                                                         "Asisten Perekonomian dan Administrasi Pembangunan",
                                                         "Asisten Administrasi Umum"};

constexpr auto kGenericFunctional = std::to_array<std::string_view>(
    {"Analis Kebijakan Ahli Muda", "Perencana Ahli Muda", "Pranata Komputer Ahli Pertama",
     "Analis Sumber Daya Manusia Aparatur Ahli Pertama", "Arsiparis Ahli Pertama",
     "Pranata Hubungan Masyarakat Ahli Muda", "Analis Keuangan Pusat dan Daerah Ahli Pertama",
     "Analis Kebijakan Ahli Pertama"});
constexpr auto kGenericClerical = std::to_array<std::string_view>(
    {"Pengadministrasi Perkantoran", "Pengelola Keuangan", "Penata Layanan Operasional",
     "Pengolah Data dan Informasi", "Operator Layanan Operasional", "Pengelola Barang Milik Daerah"});

struct Specialists {
  std::string_view agency;
  std::array<std::string_view, 2> titles;
};
constexpr std::array<Specialists, 17> kSpecialists = {{
    {"Dinkes", {"Epidemiolog Kesehatan Ahli Muda", "Administrator Kesehatan Ahli Muda"}},
    {"Disdikbud", {"Pengawas Sekolah Ahli Madya", "Pamong Budaya Ahli Muda"}},
    {"PUPR-PERA", {"Teknik Jalan dan Jembatan Ahli Muda", "Teknik Pengairan Ahli Muda"}},
    {"BPKAD", {"Analis Keuangan Pusat dan Daerah Ahli Muda", "Analis Pengelolaan Keuangan APBD Ahli Muda"}},
    {"BKD", {"Analis Sumber Daya Manusia Aparatur Ahli Muda", "Asesor SDM Aparatur Ahli Pertama"}},
    {"DLH", {"Pengendali Dampak Lingkungan Ahli Muda", "Pengawas Lingkungan Hidup Ahli Pertama"}},
    {"Dishut", {"Penyuluh Kehutanan Ahli Muda", "Polisi Kehutanan Ahli Pertama"}},
    {"Dishub", {"Penguji Kendaraan Bermotor Ahli Pertama", "Analis Transportasi Ahli Muda"}},
    {"Bapperida", {"Perencana Ahli Madya", "Peneliti Ahli Muda"}},
    {"Inspektorat", {"Auditor Ahli Muda", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda"}},
    {"SatpolPP", {"Polisi Pamong Praja Ahli Pertama", "Polisi Pamong Praja Ahli Muda"}},
    {"RSUD-AWS", {"Dokter Ahli Madya", "Perawat Ahli Muda"}},
    {"RSUD-KD", {"Dokter Ahli Muda", "Apoteker Ahli Pertama"}},
    {"RSJD-AHM", {"Psikolog Klinis Ahli Muda", "Perawat Ahli Muda"}},
    {"Dispusip", {"Pustakawan Ahli Muda", "Arsiparis Ahli Muda"}},
    {"Diskominfo", {"Pranata Komputer Ahli Muda", "Statistisi Ahli Pertama"}},
    {"DPKH", {"Medik Veteriner Ahli Muda", "Pengawas Bibit Ternak Ahli Pertama"}},
}};

// Weekday national holidays and collective leave (cuti bersama) of 2025 and 2026.
constexpr int kHolidays[][3] = {
    {2025, 1, 1},  {2025, 1, 27}, {2025, 1, 29},  {2025, 3, 28}, {2025, 3, 31}, {2025, 4, 1},
    {2025, 4, 2},  {2025, 4, 18}, {2025, 5, 1},   {2025, 5, 12}, {2025, 5, 29}, {2025, 6, 6},
    {2025, 6, 27}, {2025, 9, 5},  {2025, 12, 25}, {2026, 1, 1},  {2026, 1, 16}, {2026, 2, 17},
    {2026, 3, 19}, {2026, 3, 20}, {2026, 3, 23},  {2026, 4, 3},  {2026, 5, 1},  {2026, 5, 14},
    {2026, 5, 27}, {2026, 6, 1},  {2026, 6, 16},  {2026, 8, 17}, {2026, 8, 25}, {2026, 12, 25},
};

// --- The plan ---

struct AgencyRow {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  AgencyKind kind = AgencyKind::other;
};

struct UnitPlan {
  std::size_t agency = 0;
  std::string code;
  std::string parent_code;  // empty: top level
  std::string name;
  UnitKind kind = UnitKind::other;
  int depth = 0;
};

struct PositionPlan {
  std::size_t agency = 0;
  std::string code;
  std::string unit_code;  // empty: outside every unit
  std::string title;
  PositionLevel level = PositionLevel::pelaksana;
  bool agency_head = false;
  bool unit_head = false;
  Date established = kOriginalStructure;
};

struct PersonPlan {
  std::string nip;
  std::string name;
  std::string rank;
  EmploymentStatus status = EmploymentStatus::pns;
  std::size_t agency = 0;
  bool active = true;
};

struct AssignmentPlan {
  std::size_t person = 0;
  std::size_t position = 0;
  AssignmentKind kind = AssignmentKind::definitive;
  Date starts_on{};
  std::optional<Date> ends_on;
  std::string decree;
  std::string note;
};

// Unexcused days placed on purpose; such a person gets no random unexcused day.
struct DisciplineProfile {
  int scattered_days = 0;  // never two on successive working days
  bool run_of_ten = false;
};

// The posts of one agency, by role.
struct AgencyPosts {
  std::optional<std::size_t> head;
  std::optional<std::size_t> secretary;
  std::vector<std::size_t> sub_heads;       // Kepala Sub Bagian
  std::vector<std::size_t> division_heads;  // Kepala Bidang, Inspektur Pembantu, Kepala Bagian
  std::vector<std::size_t> senior;          // Asisten, Kepala Biro
  std::vector<std::size_t> uptd_heads;
  std::vector<std::size_t> staff;
};

enum class Career { head, senior, administrator, supervisor, staff };

Career career_of(PositionLevel level) {
  switch (level) {
    case PositionLevel::jpt_madya:
    case PositionLevel::jpt_pratama:
      return Career::head;
    case PositionLevel::administrator:
      return Career::administrator;
    case PositionLevel::pengawas:
      return Career::supervisor;
    case PositionLevel::fungsional:
    case PositionLevel::pelaksana:
      return Career::staff;
  }
  return Career::staff;
}

bool is_health(std::string_view agency_code, AgencyKind kind) {
  return agency_code == "Dinkes" || kind == AgencyKind::rsud;
}

class DemoPlan {
 public:
  DemoPlan(std::vector<AgencyRow> agencies, Date today, std::set<std::string> taken_nips)
      : agencies_(std::move(agencies)),
        today_(today),
        taken_nips_(std::move(taken_nips)),
        random_(kSeed),
        posts_(agencies_.size()) {}

  void build() {
    for (std::size_t agency = 0; agency < agencies_.size(); ++agency) {
      add_structure(agency);
    }
    holder_.assign(positions.size(), std::nullopt);
    choose_scenarios();
    for (std::size_t agency = 0; agency < agencies_.size(); ++agency) {
      fill_agency(agency);
    }
    add_acting_heads();
    add_daily_acting();
    for (std::size_t agency = 0; agency < agencies_.size(); ++agency) {
      const int pool = 3 + random_.between(0, 2);
      for (int index = 0; index < pool; ++index) {
        const bool supervisor = index == 0;
        new_person(agency, supervisor ? Career::supervisor : Career::staff,
                   !supervisor && random_.chance(3000) ? EmploymentStatus::pppk : EmploymentStatus::pns, {});
      }
    }
    choose_undisciplined();
  }

  const std::vector<AgencyRow>& agencies() const { return agencies_; }

  std::vector<UnitPlan> units;
  std::vector<PositionPlan> positions;
  std::vector<PersonPlan> people;
  std::vector<AssignmentPlan> assignments;
  std::map<std::size_t, DisciplineProfile> discipline;

 private:
  // --- Structure ---

  std::string_view agency_code(std::size_t agency) const { return agencies_[agency].code; }

  std::optional<std::size_t> agency_named(std::string_view code) const {
    for (std::size_t index = 0; index < agencies_.size(); ++index) {
      if (agencies_[index].code == code) {
        return index;
      }
    }
    return std::nullopt;
  }

  // A top-level unit.
  void add_unit(std::size_t agency, std::string code, std::string unit_name, UnitKind kind) {
    units.push_back(UnitPlan{agency, std::move(code), "", std::move(unit_name), kind, 0});
  }

  // Tree depth by parent: parents are added before their children, so look the parent up.
  int depth_of(std::size_t agency, const std::string& code) const {
    for (const auto& unit : units) {
      if (unit.agency == agency && unit.code == code) {
        return unit.depth;
      }
    }
    return 0;
  }

  void add_child_unit(std::size_t agency, std::string code, const std::string& parent_code,
                      std::string unit_name, UnitKind kind) {
    const int depth = depth_of(agency, parent_code) + 1;
    units.push_back(UnitPlan{agency, std::move(code), parent_code, std::move(unit_name), kind, depth});
  }

  std::size_t add_position(std::size_t agency, std::string code, std::string unit_code, std::string title,
                           PositionLevel level, bool agency_head, bool unit_head,
                           Date established = kOriginalStructure) {
    positions.push_back(PositionPlan{agency, std::move(code), std::move(unit_code), std::move(title), level,
                                     agency_head, unit_head, established});
    return positions.size() - 1;
  }

  std::string head_title(const AgencyRow& agency) const {
    switch (agency.kind) {
      case AgencyKind::inspektorat:
        return "Inspektur";
      case AgencyKind::satpol_pp:
        return "Kepala Satuan Polisi Pamong Praja";
      case AgencyKind::rsud:
        return "Direktur " + agency.name;
      default:
        return "Kepala " + agency.name;
    }
  }

  static std::string head_code(AgencyKind kind) {
    switch (kind) {
      case AgencyKind::dinas:
        return "KADIS";
      case AgencyKind::badan:
        return "KABAN";
      case AgencyKind::inspektorat:
        return "INSPEKTUR";
      case AgencyKind::satpol_pp:
        return "KASATPOL";
      case AgencyKind::rsud:
        return "DIREKTUR";
      default:
        return "KEPALA";
    }
  }

  void add_structure(std::size_t agency) {
    const AgencyRow& row = agencies_[agency];
    AgencyPosts& posts = posts_[agency];
    std::vector<std::string> functional_units;
    std::vector<std::string> clerical_units;
    if (row.code == "Setda") {
      posts.head =
          add_position(agency, "SEKDA", "", "Sekretaris Daerah", PositionLevel::jpt_madya, true, false);
      for (std::size_t index = 0; index < kAssistants.size(); ++index) {
        posts.senior.push_back(add_position(agency, "ASISTEN." + std::to_string(index + 1), "",
                                            std::string(kAssistants[index]), PositionLevel::jpt_pratama,
                                            false, false));
      }
      for (const Biro& biro : kBiros) {
        const std::string biro_code = "BIRO." + std::string(biro.code);
        add_unit(agency, biro_code, std::string(biro.name), UnitKind::other);
        posts.senior.push_back(add_position(agency, "KARO." + std::string(biro.code), biro_code,
                                            "Kepala " + std::string(biro.name), PositionLevel::jpt_pratama,
                                            false, true));
        functional_units.push_back(biro_code);
        for (const NamedUnit& bagian : biro.bagian) {
          const std::string bagian_code = biro_code + "." + std::string(bagian.code);
          add_child_unit(agency, bagian_code, biro_code, "Bagian " + std::string(bagian.name),
                         UnitKind::bagian);
          posts.division_heads.push_back(add_position(
              agency, "KABAG." + std::string(bagian.code), bagian_code,
              "Kepala Bagian " + std::string(bagian.name), PositionLevel::administrator, false, true));
          clerical_units.push_back(bagian_code);
        }
      }
    } else if (row.code == "Setwan") {
      posts.head =
          add_position(agency, "SEKWAN", "", "Sekretaris DPRD", PositionLevel::jpt_pratama, true, false);
      const std::array<NamedUnit, 3> bagian = {{{"UMKEU", "Umum dan Keuangan"},
                                                {"SIDANG", "Persidangan dan Perundang-undangan"},
                                                {"ANGWAS", "Fasilitasi Penganggaran dan Pengawasan"}}};
      for (const NamedUnit& unit : bagian) {
        const std::string code = "BAG." + std::string(unit.code);
        add_unit(agency, code, "Bagian " + std::string(unit.name), UnitKind::bagian);
        posts.division_heads.push_back(add_position(agency, "KABAG." + std::string(unit.code), code,
                                                    "Kepala Bagian " + std::string(unit.name),
                                                    PositionLevel::administrator, false, true));
        functional_units.push_back(code);
      }
      const std::array<NamedUnit, 2> sub = {{{"TU", "Tata Usaha dan Kepegawaian"}, {"KEU", "Keuangan"}}};
      for (const NamedUnit& unit : sub) {
        const std::string code = "BAG.UMKEU." + std::string(unit.code);
        add_child_unit(agency, code, "BAG.UMKEU", "Sub Bagian " + std::string(unit.name),
                       UnitKind::sub_bagian);
        posts.sub_heads.push_back(add_position(agency, "KASUBBAG." + std::string(unit.code), code,
                                               "Kepala Sub Bagian " + std::string(unit.name),
                                               PositionLevel::pengawas, false, true));
        clerical_units.push_back(code);
      }
    } else {
      posts.head = add_position(agency, head_code(row.kind), "", head_title(row), PositionLevel::jpt_pratama,
                                true, false);
      add_unit(agency, "SEKRE", "Sekretariat", UnitKind::sekretariat);
      posts.secretary = add_position(
          agency, "SEKRETARIS", "SEKRE",
          row.kind == AgencyKind::inspektorat ? "Sekretaris Inspektorat Daerah" : "Sekretaris " + row.name,
          PositionLevel::administrator, false, true);
      const std::array<NamedUnit, 3> sub = {
          {{"UMPEG", "Umum dan Kepegawaian"},
           {"KEU", "Keuangan"},
           {"PROG", row.kind == AgencyKind::dinas ? "Perencanaan dan Pelaporan" : "Program"}}};
      for (const NamedUnit& unit : sub) {
        const std::string code = "SEKRE." + std::string(unit.code);
        add_child_unit(agency, code, "SEKRE", "Sub Bagian " + std::string(unit.name), UnitKind::sub_bagian);
        posts.sub_heads.push_back(add_position(agency, "KASUBBAG." + std::string(unit.code), code,
                                               "Kepala Sub Bagian " + std::string(unit.name),
                                               PositionLevel::pengawas, false, true));
        clerical_units.push_back(code);
      }
      if (row.kind == AgencyKind::inspektorat) {
        constexpr std::array<std::string_view, 4> kRoman = {"I", "II", "III", "IV"};
        for (const std::string_view roman : kRoman) {
          const std::string code = "IRBAN." + std::string(roman);
          add_unit(agency, code, "Inspektur Pembantu Wilayah " + std::string(roman), UnitKind::bidang);
          posts.division_heads.push_back(add_position(agency, code, code,
                                                      "Inspektur Pembantu Wilayah " + std::string(roman),
                                                      PositionLevel::administrator, false, true));
          functional_units.push_back(code);
        }
      } else {
        const std::vector<NamedUnit>* bidang = &kGenericBidang;
        if (row.kind == AgencyKind::rsud) {
          bidang = &kRsudBidang;
        }
        for (const auto& entry : bidang_table()) {
          if (entry.agency == row.code) {
            bidang = &entry.bidang;
          }
        }
        for (const NamedUnit& unit : *bidang) {
          const std::string code = "BID." + std::string(unit.code);
          // Bapperida's research division came with the 2023 reorganisation.
          const Date established =
              row.code == "Bapperida" && unit.code == "RISET" ? kBapperidaFormed : kOriginalStructure;
          add_unit(agency, code, "Bidang " + std::string(unit.name), UnitKind::bidang);
          posts.division_heads.push_back(add_position(
              agency, "KABID." + std::string(unit.code), code, "Kepala Bidang " + std::string(unit.name),
              PositionLevel::administrator, false, true, established));
          functional_units.push_back(code);
        }
        for (const Uptd& uptd : kUptds) {
          if (uptd.agency == row.code) {
            const std::string code = "UPTD." + std::string(uptd.code);
            add_unit(agency, code, std::string(uptd.name), UnitKind::uptd);
            posts.uptd_heads.push_back(add_position(agency, "KAUPTD." + std::string(uptd.code), code,
                                                    "Kepala " + std::string(uptd.name),
                                                    PositionLevel::pengawas, false, true));
            clerical_units.push_back(code);
          }
        }
      }
    }
    add_staff(agency, functional_units, clerical_units);
  }

  void add_staff(std::size_t agency, const std::vector<std::string>& functional_units,
                 const std::vector<std::string>& clerical_units) {
    const AgencyRow& row = agencies_[agency];
    std::vector<std::pair<std::string, bool>> titles;  // title, functional
    if (row.code == "Dinkes") {
      titles.emplace_back("Pranata Komputer Ahli Pertama", true);  // the demo account staf.dinkes
    }
    for (const Specialists& specialists : kSpecialists) {
      if (specialists.agency == row.code) {
        for (const std::string_view title : specialists.titles) {
          titles.emplace_back(std::string(title), true);
        }
      }
    }
    const int count = 4 + random_.between(0, 4);
    auto functional_next =
        static_cast<std::size_t>(random_.between(0, static_cast<int>(kGenericFunctional.size()) - 1));
    auto clerical_next =
        static_cast<std::size_t>(random_.between(0, static_cast<int>(kGenericClerical.size()) - 1));
    while (static_cast<int>(titles.size()) < count) {
      if (titles.size() % 2 == 0) {
        titles.emplace_back(std::string(kGenericClerical[clerical_next++ % kGenericClerical.size()]), false);
      } else {
        titles.emplace_back(std::string(kGenericFunctional[functional_next++ % kGenericFunctional.size()]),
                            true);
      }
    }
    titles.resize(static_cast<std::size_t>(count));
    for (std::size_t index = 0; index < titles.size(); ++index) {
      const auto& [title, functional] = titles[index];
      std::string unit;
      if (row.code == "Dinkes" && index == 0) {
        unit = "SEKRE.PROG";
      } else if (functional && !functional_units.empty()) {
        unit = random_.pick(functional_units);
      } else if (!clerical_units.empty()) {
        unit = random_.pick(clerical_units);
      }
      char code[32];
      std::snprintf(code, sizeof code, "STAF.%02d", static_cast<int>(index + 1));
      posts_[agency].staff.push_back(add_position(
          agency, code, unit, title, functional ? PositionLevel::fungsional : PositionLevel::pelaksana, false,
          false, index >= 6 ? kNewerPosts : kOriginalStructure));
    }
  }

  // --- Scenarios ---

  struct ActingHead {
    std::size_t agency = 0;
    int days_since_definitive_left = 0;             // the definitive head's last day: today - this
    std::optional<std::size_t> acting_from_agency;  // another agency's official, else the Sekretaris
    bool acting_from_assistant = false;             // Setda's Asisten Administrasi Umum
  };

  struct Vacancy {
    std::size_t position = 0;
    int age = 0;  // days vacant today
  };

  bool standard(std::size_t agency) const { return posts_[agency].secretary.has_value(); }

  // The preferred agency when present and free, else the first free standard agency.
  std::optional<std::size_t> choose(std::string_view preferred, const std::set<std::size_t>& used) const {
    if (auto found = agency_named(preferred); found && !used.contains(*found) && standard(*found)) {
      return found;
    }
    for (std::size_t index = 0; index < agencies_.size(); ++index) {
      if (!used.contains(index) && standard(index)) {
        return index;
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> position_named(std::size_t agency, std::string_view code) const {
    for (std::size_t index = 0; index < positions.size(); ++index) {
      if (positions[index].agency == agency && positions[index].code == code) {
        return index;
      }
    }
    return std::nullopt;
  }

  void choose_scenarios() {
    std::set<std::size_t> used;
    for (std::string_view reserved : {"Dinkes", "Setda", "SatpolPP"}) {
      if (auto found = agency_named(reserved)) {
        used.insert(*found);
      }
    }
    // Vacant heads: Dispar (10 days) and Setwan (60 days).
    const std::array<std::pair<std::string_view, int>, 2> vacant_heads = {{{"Dispar", 10}, {"Setwan", 60}}};
    for (const auto& [code, days] : vacant_heads) {
      std::optional<std::size_t> agency = agency_named(code);
      if (!agency || used.contains(*agency)) {
        agency = choose("", used);
      }
      if (agency) {
        used.insert(*agency);
        vacant_heads_.emplace_back(*agency, days);
      }
    }
    // Plh at Dishub (the Kepala Dinas on leave) and on a vacant Kasubbag of Disperindagkop.
    daily_acting_head_agency_ = choose("Dishub", used);
    if (daily_acting_head_agency_) {
      used.insert(*daily_acting_head_agency_);
    }
    daily_acting_vacancy_agency_ = choose("Disperindagkop", used);
    if (daily_acting_vacancy_agency_) {
      used.insert(*daily_acting_vacancy_agency_);
      if (auto post = position_named(*daily_acting_vacancy_agency_, "KASUBBAG.KEU")) {
        vacancies_.push_back(Vacancy{*post, 40});
      }
    }
    // Ten agencies led by a Plt, ESDM the longest (two Plt in turn).
    constexpr std::array<std::pair<std::string_view, int>, 10> kActing = {{{"Dinsos", 45},
                                                                           {"Disnakertrans", 62},
                                                                           {"Dishut", 90},
                                                                           {"DPTPH", 118},
                                                                           {"Dispora", 150},
                                                                           {"Dispusip", 181},
                                                                           {"BPBD", 220},
                                                                           {"Kesbangpol", 260},
                                                                           {"RSUD-KD", 310},
                                                                           {"ESDM", 400}}};
    for (const auto& [code, days] : kActing) {
      const std::optional<std::size_t> agency = choose(code, used);
      if (!agency) {
        continue;
      }
      used.insert(*agency);
      ActingHead acting{*agency, days, std::nullopt, false};
      if (agency_code(*agency) == "BPBD") {
        acting.acting_from_agency = agency_named("SatpolPP");
      } else if (agency_code(*agency) == "Dispusip") {
        acting.acting_from_assistant = agency_named("Setda").has_value();
      }
      acting_heads_.push_back(acting);
    }
    // Eight vacant Kepala Bidang / Kepala Sub Bagian posts, 5 to 300 days.
    constexpr std::array<std::tuple<std::string_view, std::string_view, int>, 8> kVacant = {{
        {"Dinkes", "KABID.SDK", 47},
        {"Disdikbud", "KABID.PK", 120},
        {"PUPR-PERA", "KASUBBAG.KEU", 18},
        {"BPKAD", "KABID.ASET", 75},
        {"DLH", "KABID.PSLB3", 300},
        {"Bapperida", "KABID.RISET", 190},
        {"Dishub", "KASUBBAG.UMPEG", 5},
        {"Diskominfo", "KABID.STAT", 33},
    }};
    std::set<std::size_t> vacant_agencies;
    for (const auto& [code, post_code, age] : kVacant) {
      std::optional<std::size_t> post;
      if (auto agency = agency_named(code)) {
        post = position_named(*agency, post_code);
      }
      for (std::size_t agency = 0; !post && agency < agencies_.size(); ++agency) {
        if (!vacant_agencies.contains(agency)) {
          post = position_named(agency, "KASUBBAG.PROG");
        }
      }
      if (post) {
        vacant_agencies.insert(positions[*post].agency);
        vacancies_.push_back(Vacancy{*post, age});
      }
    }
    for (const Vacancy& vacancy : vacancies_) {
      special_.insert(vacancy.position);
    }
  }

  // --- People ---

  std::string make_nip(int birth_year, int appointment_year, bool female) {
    for (;;) {
      const int month = random_.between(1, 12);
      const int day = random_.between(1, 28);
      const int appointment_month = random_.between(1, 12);
      const int serial = random_.between(1, 999);
      char text[64];
      std::snprintf(text, sizeof text, "%04d%02d%02d%04d%02d%d%03d", birth_year, month, day, appointment_year,
                    appointment_month, female ? 2 : 1, serial);
      std::string nip(text);
      if (is_valid_nip(nip) && taken_nips_.insert(nip).second) {
        return nip;
      }
    }
  }

  // `doctor`: "dr." in front and a medical degree behind; `graduate`: no diploma (A.Md.).
  std::string make_name(bool female, Career career, bool health, bool doctor, bool psychiatric,
                        bool graduate) {
    for (int attempt = 0;; ++attempt) {
      std::string name;
      const std::string_view first = female ? random_.pick(kFemaleFirstNames) : random_.pick(kMaleFirstNames);
      name = std::string(first);
      if (random_.chance(3500)) {
        const std::string_view middle =
            female ? random_.pick(kFemaleFirstNames) : random_.pick(kMaleFirstNames);
        if (middle != first) {
          name += " " + std::string(middle);
        }
      }
      std::string_view family;
      if (random_.chance(3000)) {
        family = female ? random_.pick(kFemaleFamilyNames) : random_.pick(kMaleFamilyNames);
      } else {
        family = random_.pick(kFamilyNames);
      }
      name += " " + std::string(family);
      if (!taken_names_.insert(name).second && attempt < 20) {
        continue;
      }
      if (doctor) {
        if (psychiatric) {
          return "dr. " + name + ", Sp.KJ";
        }
        return "dr. " + name + (random_.chance(5000) ? ", M.Kes." : ", Sp.PD.");
      }
      switch (career) {
        case Career::head:
        case Career::senior:
          return name + ", " +
                 std::string(health ? random_.pick(kHealthBachelors) : random_.pick(kBachelors)) + ", " +
                 std::string(random_.pick(kMasters));
        case Career::administrator:
          return name + ", " +
                 std::string(health ? random_.pick(kHealthBachelors) : random_.pick(kBachelors)) +
                 (random_.chance(7000) ? ", " + std::string(random_.pick(kMasters)) : "");
        case Career::supervisor:
          return name + ", " +
                 std::string(health ? random_.pick(kHealthBachelors) : random_.pick(kBachelors)) +
                 (random_.chance(3000) ? ", " + std::string(random_.pick(kMasters)) : "");
        case Career::staff:
          if (!graduate && random_.chance(2000)) {
            return name + ", A.Md.";
          }
          return name + ", " +
                 std::string(health ? random_.pick(kHealthBachelors) : random_.pick(kBachelors));
      }
      return name;
    }
  }

  static std::string rank_for(Career career, PositionLevel level, EmploymentStatus status, int variant) {
    if (status == EmploymentStatus::pppk) {
      return "Ahli Pertama (IX)";
    }
    switch (career) {
      case Career::head:
        return level == PositionLevel::jpt_madya ? "Pembina Utama (IV/e)" : "Pembina Utama Muda (IV/c)";
      case Career::senior:
        return "Pembina Utama Muda (IV/c)";
      case Career::administrator:
        return variant % 2 == 0 ? "Pembina (IV/a)" : "Pembina Tk. I (IV/b)";
      case Career::supervisor:
        return "Penata Tk. I (III/d)";
      case Career::staff:
        switch (variant % 3) {
          case 0:
            return "Penata Muda (III/a)";
          case 1:
            return "Penata Muda Tk. I (III/b)";
          default:
            return "Penata (III/c)";
        }
    }
    return "";
  }

  struct PersonOptions {
    PositionLevel level = PositionLevel::pelaksana;
    std::optional<Date> retired_on;  // retired then, at 58 (JPT: 60): the birth year follows
    bool left_service = false;       // retired or transferred out of the province: inactive
    std::string fixed_nip;
    std::string fixed_name;
    bool doctor = false;
  };

  std::size_t new_person(std::size_t agency, Career career, EmploymentStatus status, PersonOptions options) {
    const int this_year = year_of(today_);
    int birth_low = 0;
    int birth_high = 0;
    int female_per_10000 = 4500;
    switch (career) {
      case Career::head:
      case Career::senior:
        birth_low = this_year - 59;
        birth_high = this_year - 46;
        female_per_10000 = 2500;
        break;
      case Career::administrator:
        birth_low = this_year - 57;
        birth_high = this_year - 41;
        female_per_10000 = 3500;
        break;
      case Career::supervisor:
        birth_low = this_year - 55;
        birth_high = this_year - 33;
        break;
      case Career::staff:
        birth_low = this_year - 40;
        birth_high = this_year - 26;
        break;
    }
    if (options.retired_on) {
      const int retirement_age = career == Career::head || career == Career::senior ? 60 : 58;
      birth_low = birth_high = year_of(*options.retired_on) - retirement_age;
    }
    birth_low = std::clamp(birth_low, 1965, 1998);
    birth_high = std::clamp(birth_high, birth_low, 1998);
    const bool female = random_.chance(female_per_10000);
    const int birth_year = random_.between(birth_low, birth_high);
    int appointment_low = birth_year + 21;
    int appointment_high = std::min(birth_year + (career == Career::staff ? 32 : 28), 2024);
    if (status == EmploymentStatus::pppk) {
      appointment_low = std::max(appointment_low, 2021);
      appointment_high = std::max(appointment_high, appointment_low);
    }
    PersonPlan person;
    const bool health = is_health(agency_code(agency), agencies_[agency].kind);
    person.nip = options.fixed_nip.empty()
                     ? make_nip(birth_year, random_.between(appointment_low, appointment_high), female)
                     : options.fixed_nip;
    const bool person_female = person.nip.size() == 18 ? person.nip[14] == '2' : female;
    const bool psychiatric = agency_code(agency).starts_with("RSJD");
    person.name = options.fixed_name.empty() ? make_name(person_female, career, health, options.doctor,
                                                         psychiatric, status == EmploymentStatus::pppk)
                                             : options.fixed_name;
    person.rank = rank_for(career, options.level, status, random_.between(0, 5));
    person.status = status;
    person.agency = agency;
    person.active = !options.left_service && !options.retired_on;
    people.push_back(std::move(person));
    return people.size() - 1;
  }

  // --- Assignments ---

  std::string decree(AssignmentKind kind, Date starts_on) {
    const int number = ++decree_counter_;
    const std::string year = std::to_string(year_of(starts_on));
    switch (kind) {
      case AssignmentKind::definitive:
        return "821.2/" + std::to_string(number) + "/BKD/" + year;
      case AssignmentKind::acting:
        return "800.1.3.3/" + std::to_string(number) + "/BKD/" + year;
      case AssignmentKind::daily_acting:
        return "800.1.11.1/" + std::to_string(number) + "/BKD/" + year;
    }
    return "";
  }

  void assign(std::size_t person, std::size_t position, AssignmentKind kind, Date starts_on,
              std::optional<Date> ends_on, std::string note = {}) {
    assignments.push_back(
        AssignmentPlan{person, position, kind, starts_on, ends_on, decree(kind, starts_on), std::move(note)});
    if (kind == AssignmentKind::definitive && (!ends_on || *ends_on >= today_)) {
      holder_[position] = person;
    }
  }

  Career career_for(std::size_t position) const {
    const PositionPlan& plan = positions[position];
    if (plan.level == PositionLevel::jpt_pratama && !plan.agency_head) {
      return Career::senior;
    }
    return career_of(plan.level);
  }

  bool doctor_for(std::size_t position) const {
    const PositionPlan& plan = positions[position];
    const AgencyRow& agency = agencies_[plan.agency];
    return plan.agency_head && (agency.kind == AgencyKind::rsud);
  }

  // A new person for `position`; one who has left the provincial service when `left_on` is
  // set (the caller ends the tenure then).
  std::size_t holder_person(std::size_t position, std::optional<Date> left_on = std::nullopt,
                            std::optional<Date> retired_on = std::nullopt) {
    const PositionPlan& plan = positions[position];
    EmploymentStatus status = EmploymentStatus::pns;
    if (career_for(position) == Career::staff && !left_on && random_.chance(2500)) {
      status = EmploymentStatus::pppk;
    }
    PersonOptions options;
    options.level = plan.level;
    options.retired_on = retired_on;
    options.left_service = left_on.has_value();
    options.doctor = doctor_for(position);
    return new_person(plan.agency, career_for(position), status, options);
  }

  // A former holder of `position` whose tenure ended on `ends`: retired when the birth year
  // that implies is one the demo uses (1965 or later), else transferred out. Returns the
  // person and the note of the tenure.
  std::pair<std::size_t, std::string> former_holder(std::size_t position, Date ends) {
    static constexpr auto kTransfers = std::to_array<std::string_view>(
        {"Mutasi ke Pemerintah Kabupaten Kutai Kartanegara", "Mutasi ke Pemerintah Kota Balikpapan",
         "Mutasi ke instansi vertikal", "Pindah ke Kementerian Dalam Negeri"});
    const Career career = career_for(position);
    const int retirement_age = career == Career::head || career == Career::senior ? 60 : 58;
    if (year_of(ends) - retirement_age >= 1965 && random_.chance(6000)) {
      return {holder_person(position, ends, ends), "Pensiun"};
    }
    const std::string note(random_.pick(kTransfers));
    return {holder_person(position, ends), note};
  }

  // The latest start of a tenure still running today, leaving room for the Plt history.
  Date latest_current_start() const { return std::min(kCurrentTenuresUntil, plus_days(today_, -450)); }

  Date current_start(std::size_t position) {
    const Date established = positions[position].established;
    const Date low = std::max(kCurrentTenuresFrom, plus_days(established, 1));
    Date high = std::max(low, latest_current_start());
    if (established > kOriginalStructure) {
      high = std::min(high, plus_days(low, 180));
    }
    return random_.date_between(low, std::max(low, high));
  }

  // A predecessor whose tenure ended the day before `successor_starts`, when there
  // is room for one.
  void maybe_predecessor(std::size_t position, Date successor_starts, int per_10000) {
    const Date low = std::max(kHistoryStarts, plus_days(positions[position].established, 1));
    const Date ends = plus_days(successor_starts, -1);
    const Date high = plus_days(ends, -365);
    if (high < low || !random_.chance(per_10000)) {
      return;
    }
    auto [person, note] = former_holder(position, ends);
    assign(person, position, AssignmentKind::definitive, random_.date_between(low, high), ends,
           std::move(note));
  }

  // A definitive holder from a start in 2019-2024 until today, maybe after a predecessor.
  std::size_t fill(std::size_t position, int predecessor_per_10000 = 3000) {
    const Date starts = current_start(position);
    maybe_predecessor(position, starts, predecessor_per_10000);
    const std::size_t person = holder_person(position);
    assign(person, position, AssignmentKind::definitive, starts, std::nullopt);
    return person;
  }

  // A definitive tenure that ended on `ends` (the holder left the provincial service).
  void fill_until(std::size_t position, Date ends) {
    const Date low = std::max(kCurrentTenuresFrom, plus_days(positions[position].established, 1));
    const Date high =
        std::max(low, plus_days(ends, positions[position].established > kOriginalStructure ? -150 : -365));
    const Date starts = std::min(random_.date_between(low, high), ends);
    auto [person, note] = former_holder(position, ends);
    assign(person, position, AssignmentKind::definitive, starts, ends, std::move(note));
  }

  void fill_agency(std::size_t agency) {
    AgencyPosts& posts = posts_[agency];
    const AgencyRow& row = agencies_[agency];
    // The head.
    if (posts.head) {
      std::optional<int> ended_days_ago;
      for (const ActingHead& acting : acting_heads_) {
        if (acting.agency == agency) {
          ended_days_ago = acting.days_since_definitive_left;
        }
      }
      for (const auto& [vacant, days] : vacant_heads_) {
        if (vacant == agency) {
          ended_days_ago = days;
        }
      }
      if (ended_days_ago) {
        fill_until(*posts.head, plus_days(today_, -*ended_days_ago));
      } else if (row.code == "Dinkes") {
        const Date starts = std::min(calendar(2021, 9, 6), latest_current_start());
        maybe_predecessor(*posts.head, starts, 10000);
        PersonOptions options;
        options.level = PositionLevel::jpt_pratama;
        options.fixed_nip = std::string(kDemoAgencyHeadNip);
        options.fixed_name = "dr. Andi Muhammad Rahman, M.Kes.";
        const std::size_t person = new_person(agency, Career::head, EmploymentStatus::pns, options);
        assign(person, *posts.head, AssignmentKind::definitive, starts, std::nullopt);
      } else {
        fill(*posts.head, 5000);
      }
    }
    // The Sekretaris, in every third agency promoted from Kepala Bidang (so that Bidang's
    // current head started the day the Sekretaris did).
    std::set<std::size_t> filled;
    if (posts.secretary) {
      const bool promote = agency % 3 == 1 && posts.division_heads.size() >= 2 &&
                           !special_.contains(posts.division_heads.back());
      const Date starts = current_start(*posts.secretary);
      const Date low = kHistoryStarts;
      const Date high = plus_days(starts, -365);
      if (promote && low <= high) {
        const std::size_t division = posts.division_heads.back();
        const std::size_t person = holder_person(*posts.secretary);
        people[person].rank = "Pembina Tk. I (IV/b)";
        assign(person, division, AssignmentKind::definitive, random_.date_between(low, high),
               plus_days(starts, -1));
        assign(person, *posts.secretary, AssignmentKind::definitive, starts, std::nullopt);
        maybe_predecessor(*posts.secretary, starts, 5000);
        const std::size_t successor = holder_person(division);
        assign(successor, division, AssignmentKind::definitive, starts, std::nullopt);
        filled.insert(division);
      } else {
        fill(*posts.secretary, 4000);
      }
      filled.insert(*posts.secretary);
    }
    // Everything else: vacancies as chosen, the rest held today.
    std::vector<std::size_t> rest;
    for (const auto* group :
         {&posts.senior, &posts.division_heads, &posts.sub_heads, &posts.uptd_heads, &posts.staff}) {
      rest.insert(rest.end(), group->begin(), group->end());
    }
    for (const std::size_t position : rest) {
      if (filled.contains(position)) {
        continue;
      }
      bool handled = false;
      for (const Vacancy& vacancy : vacancies_) {
        if (vacancy.position == position) {
          fill_until(position, plus_days(today_, -vacancy.age - 1));
          handled = true;
        }
      }
      if (handled) {
        continue;
      }
      if (row.code == "Dinkes" && !posts.staff.empty() && position == posts.staff.front()) {
        PersonOptions options;
        options.level = PositionLevel::fungsional;
        options.fixed_nip = std::string(kDemoStaffNip);
        options.fixed_name = "Fitriani Rahmawati, S.Kom.";
        const std::size_t person = new_person(agency, Career::staff, EmploymentStatus::pns, options);
        people[person].rank = "Penata Muda Tk. I (III/b)";
        const Date low = calendar(2020, 3, 2);
        assign(person, position, AssignmentKind::definitive,
               random_.date_between(low, std::max(low, latest_current_start())), std::nullopt);
        demo_staff_person_ = person;
        continue;
      }
      fill(position, career_for(position) == Career::staff ? 1500 : 3000);
    }
  }

  void add_acting_heads() {
    for (const ActingHead& acting : acting_heads_) {
      const AgencyPosts& posts = posts_[acting.agency];
      if (!posts.head) {
        continue;
      }
      const Date vacated = plus_days(today_, -acting.days_since_definitive_left + 1);
      std::optional<std::size_t> person;
      std::string note = "Plt sampai dilantiknya pejabat definitif";
      if (acting.acting_from_agency && posts_[*acting.acting_from_agency].head) {
        person = holder_[*posts_[*acting.acting_from_agency].head];
        note = "Merangkap jabatan definitif di " + agencies_[*acting.acting_from_agency].code;
      } else if (acting.acting_from_assistant) {
        if (auto setda = agency_named("Setda"); setda && posts_[*setda].senior.size() >= 3) {
          person = holder_[posts_[*setda].senior[2]];
          note = "Merangkap jabatan Asisten Administrasi Umum";
        }
      }
      if (!person && posts.secretary) {
        person = holder_[*posts.secretary];
      }
      if (!person) {
        continue;
      }
      std::optional<std::size_t> successor;  // a long interim passes to Setda's Asisten Perekonomian
      if (auto setda = agency_named("Setda");
          acting.days_since_definitive_left >= 365 && setda && posts_[*setda].senior.size() >= 2) {
        successor = holder_[posts_[*setda].senior[1]];
      }
      if (successor && *successor != *person) {
        const Date handover = plus_days(vacated, 120);
        assign(*person, *posts.head, AssignmentKind::acting, vacated, plus_days(handover, -1), note);
        assign(*successor, *posts.head, AssignmentKind::acting, handover, std::nullopt,
               "Penggantian Plt; merangkap jabatan Asisten Perekonomian dan Administrasi Pembangunan");
      } else {
        assign(*person, *posts.head, AssignmentKind::acting, vacated, std::nullopt, note);
      }
    }
  }

  void add_daily_acting() {
    if (daily_acting_head_agency_) {
      const AgencyPosts& posts = posts_[*daily_acting_head_agency_];
      if (posts.head && posts.secretary && holder_[*posts.secretary]) {
        assign(*holder_[*posts.secretary], *posts.head, AssignmentKind::daily_acting, plus_days(today_, -7),
               plus_days(today_, 7), "Kepala Dinas menjalani cuti tahunan");
      }
    }
    if (daily_acting_vacancy_agency_) {
      const std::optional<std::size_t> vacant = position_named(*daily_acting_vacancy_agency_, "KASUBBAG.KEU");
      const std::optional<std::size_t> standing_in =
          position_named(*daily_acting_vacancy_agency_, "KASUBBAG.UMPEG");
      if (vacant && standing_in && holder_[*standing_in]) {
        assign(*holder_[*standing_in], *vacant, AssignmentKind::daily_acting, plus_days(today_, -14),
               std::nullopt, "Plh selama proses pengisian jabatan");
      }
    }
  }

  // Seven staff members of different agencies, plus the demo staff member (3 days).
  void choose_undisciplined() {
    constexpr std::array<std::string_view, 7> kAgencies = {"Disdikbud", "PUPR-PERA", "DLH",  "Bapenda",
                                                           "SatpolPP",  "Dispora",   "DPMPD"};
    const std::array<DisciplineProfile, 7> profiles = {{{random_.between(4, 8), false},
                                                        {random_.between(4, 8), false},
                                                        {random_.between(4, 8), false},
                                                        {random_.between(11, 16), false},
                                                        {random_.between(11, 16), false},
                                                        {random_.between(28, 32), false},
                                                        {0, true}}};
    std::set<std::size_t> used;
    std::size_t next_fallback = 0;
    for (std::size_t index = 0; index < profiles.size(); ++index) {
      std::optional<std::size_t> agency = agency_named(kAgencies[index]);
      while ((!agency || used.contains(*agency) || posts_[*agency].staff.size() < 2) &&
             next_fallback < agencies_.size()) {
        agency = next_fallback++;
      }
      if (!agency || used.contains(*agency) || posts_[*agency].staff.size() < 2) {
        continue;
      }
      used.insert(*agency);
      if (auto person = holder_[posts_[*agency].staff[1]]) {
        discipline[*person] = profiles[index];
      }
    }
    if (demo_staff_person_) {
      discipline[*demo_staff_person_] = DisciplineProfile{3, false};
    }
  }

  std::vector<AgencyRow> agencies_;
  Date today_;
  std::set<std::string> taken_nips_;
  std::set<std::string> taken_names_;
  Random random_;
  std::vector<AgencyPosts> posts_;
  std::vector<std::optional<std::size_t>> holder_;  // the definitive holder today, per position
  std::vector<ActingHead> acting_heads_;
  std::vector<std::pair<std::size_t, int>> vacant_heads_;  // agency, days since the head left
  std::vector<Vacancy> vacancies_;
  std::set<std::size_t> special_;  // positions whose history a scenario decides
  std::optional<std::size_t> daily_acting_head_agency_;
  std::optional<std::size_t> daily_acting_vacancy_agency_;
  std::optional<std::size_t> demo_staff_person_;
  int decree_counter_ = 100;
};

// --- Attendance ---

struct Workdays {
  std::vector<Date> days;       // Monday to Friday without holidays, ascending
  std::size_t focus_first = 0;  // the days where deliberate absences go: today's year when
                                // it has enough working days, else the whole window
};

Workdays workdays_before(Date today) {
  std::set<Date> holidays;
  for (const auto& [year, month, day] : kHolidays) {
    holidays.insert(calendar(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
  }
  const std::chrono::year_month_day ymd{today};
  std::chrono::year_month_day first{ymd.year() - std::chrono::years{1}, ymd.month(), ymd.day()};
  if (!first.ok()) {
    first = std::chrono::year_month_day{first.year(), first.month(), std::chrono::day{28}};
  }
  Workdays workdays;
  for (Date day = Date{first}; day < today; day = plus_days(day, 1)) {
    if (!is_weekend(day) && !holidays.contains(day)) {
      workdays.days.push_back(day);
    }
  }
  std::size_t first_this_year = workdays.days.size();
  for (std::size_t index = 0; index < workdays.days.size(); ++index) {
    if (year_of(workdays.days[index]) == year_of(today)) {
      first_this_year = index;
      break;
    }
  }
  workdays.focus_first = workdays.days.size() - first_this_year >= 80 ? first_this_year : 0;
  return workdays;
}

// The working-day indexes of one person's deliberate unexcused absences.
std::set<std::size_t> deliberate_absences(const DisciplineProfile& profile, const Workdays& workdays,
                                          std::size_t last_index, Random& random) {
  std::set<std::size_t> chosen;
  const std::size_t first = workdays.focus_first;
  if (last_index < first || last_index - first < 60) {
    return chosen;
  }
  if (profile.run_of_ten) {
    // Ten successive working days with no gap longer than a weekend, so the run is unbroken.
    for (int attempt = 0; attempt < 200 && chosen.empty(); ++attempt) {
      const auto start = static_cast<std::size_t>(
          random.between(static_cast<int>(first), static_cast<int>(last_index) - 12));
      bool compact = true;
      for (std::size_t index = start + 1; index < start + 10; ++index) {
        compact = compact && days_between(workdays.days[index - 1], workdays.days[index]) <= 3;
      }
      if (compact) {
        for (std::size_t index = start; index < start + 10; ++index) {
          chosen.insert(index);
        }
      }
    }
    return chosen;
  }
  // Scattered: only every other working day is a candidate, so no two are successive.
  const int slots = static_cast<int>((last_index - first) / 2);
  while (static_cast<int>(chosen.size()) < std::min(profile.scattered_days, slots)) {
    chosen.insert(first + 2 * static_cast<std::size_t>(random.between(0, slots - 1)));
  }
  return chosen;
}

struct PersonIds {
  std::int64_t person = 0;
  std::int64_t agency = 0;
};

// Builds and inserts one person's records; returns how many.
class AttendanceWriter {
 public:
  AttendanceWriter(soci::session& session, db::Backend backend, std::int64_t region_id)
      : session_(session), backend_(backend), region_(std::to_string(region_id)) {}

  Result<void> add(const PersonIds& ids, const Workdays& workdays, std::size_t last_index,
                   const std::optional<DisciplineProfile>& profile, std::uint32_t seed) {
    Random random(seed);
    const std::set<std::size_t> deliberate =
        profile ? deliberate_absences(*profile, workdays, last_index, random) : std::set<std::size_t>{};
    const std::string person = std::to_string(ids.person);
    const std::string agency = std::to_string(ids.agency);
    AttendanceStatus block_status = AttendanceStatus::present;
    int block_left = 0;
    for (std::size_t index = 0; index <= last_index && index < workdays.days.size(); ++index) {
      AttendanceStatus status = AttendanceStatus::present;
      int late = 0;
      if (deliberate.contains(index)) {
        status = AttendanceStatus::unexcused;
      } else if (block_left > 0) {
        status = block_status;
        --block_left;
      } else {
        const int draw = random.between(0, 9999);
        if (draw < 100) {  // leave in blocks of 1-5 days: about 3%
          status = AttendanceStatus::leave;
          block_left = random.between(0, 4);
        } else if (draw < 190) {  // sick for 1-2 days: about 1.5%
          status = AttendanceStatus::sick;
          block_left = random.between(0, 1);
        } else if (draw < 270) {  // official travel of 1-4 days: about 2%
          status = AttendanceStatus::official_travel;
          block_left = random.between(0, 3);
        } else if (draw < 330 && !profile) {  // unexcused: about 0.6%
          status = AttendanceStatus::unexcused;
        } else if (random.chance(900)) {
          late = random.chance(8000) ? random.between(5, 30) : random.between(31, 90);
        }
        block_status = status;
      }
      rows_.push_back(db::BulkRow{region_, person, agency, format_iso_date(workdays.days[index]),
                                  std::string(name(status)), std::to_string(late)});
    }
    if (rows_.size() >= kAttendanceBatch) {
      return flush();
    }
    return success();
  }

  Result<void> flush() {
    if (rows_.empty()) {
      return success();
    }
    written_ += static_cast<std::int64_t>(TRY(
        db::bulk_insert(session_, backend_, "attendance_records",
                        {"region_id", "person_id", "agency_id", "day", "status", "late_minutes"}, rows_)));
    rows_.clear();
    return success();
  }

  std::int64_t written() const { return written_; }

 private:
  soci::session& session_;
  db::Backend backend_;
  std::string region_;
  std::vector<db::BulkRow> rows_;
  std::int64_t written_ = 0;
};

// --- Storage ---

std::optional<std::string> optional_text(std::string text) {
  return std::optional<std::string>(std::move(text));
}

std::vector<AgencyRow> read_agencies(soci::session& session, std::int64_t region_id) {
  std::vector<AgencyRow> agencies;
  long long id = 0;
  std::string code;
  std::string agency_name;
  std::string kind;
  long long region = region_id;
  soci::statement statement =
      (session.prepare
           << "SELECT id, code, name, kind FROM agencies WHERE region_id = :region AND active = 1 "
              "ORDER BY id",
       soci::into(id), soci::into(code), soci::into(agency_name), soci::into(kind), soci::use(region));
  statement.execute();
  while (statement.fetch()) {
    agencies.push_back(AgencyRow{id, code, agency_name, parse_agency_kind(kind).value_or(AgencyKind::other)});
  }
  return agencies;
}

// (agency id, code) -> id of every row of `table` (organization_units or positions) in the region.
std::map<std::pair<std::int64_t, std::string>, std::int64_t> ids_by_code(soci::session& session,
                                                                         std::string_view table,
                                                                         std::int64_t region_id) {
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> ids;
  long long id = 0;
  long long agency = 0;
  std::string code;
  long long region = region_id;
  soci::statement statement = (session.prepare << "SELECT id, agency_id, code FROM " + std::string(table) +
                                                      " WHERE region_id = :region",
                               soci::into(id), soci::into(agency), soci::into(code), soci::use(region));
  statement.execute();
  while (statement.fetch()) {
    ids[{agency, code}] = id;
  }
  return ids;
}

std::map<std::string, std::int64_t> people_by_nip(soci::session& session, std::int64_t region_id) {
  std::map<std::string, std::int64_t> ids;
  long long id = 0;
  std::string nip;
  long long region = region_id;
  soci::statement statement = (session.prepare << "SELECT id, nip FROM people WHERE region_id = :region",
                               soci::into(id), soci::into(nip), soci::use(region));
  statement.execute();
  while (statement.fetch()) {
    ids[nip] = id;
  }
  return ids;
}

Result<OrganizationDemoReport> load(soci::session& session, db::Backend backend, const Clock& clock,
                                    Date today) {
  OrganizationDemoReport report;
  long long region_id = 0;
  soci::indicator region_indicator = soci::i_null;
  const std::string region_code(kDemoRegionCode);
  session << "SELECT id FROM regions WHERE code = :code", soci::into(region_id, region_indicator),
      soci::use(region_code);
  if (!session.got_data() || region_indicator != soci::i_ok) {
    return Error(ErrorCode::NotFound, {"Wilayah " + region_code});
  }
  long long existing_positions = 0;
  session << "SELECT COUNT(*) FROM positions WHERE region_id = :region", soci::into(existing_positions),
      soci::use(region_id);
  if (existing_positions > 0) {
    report.already_present = true;
    return report;
  }

  std::map<std::string, std::int64_t> existing_people = people_by_nip(session, region_id);
  std::set<std::string> taken;
  for (const auto& entry : existing_people) {
    taken.insert(entry.first);
  }
  taken.erase(std::string(kDemoAgencyHeadNip));
  taken.erase(std::string(kDemoStaffNip));
  DemoPlan plan(read_agencies(session, region_id), today, std::move(taken));
  plan.build();
  const std::vector<AgencyRow>& agencies = plan.agencies();
  const std::string region_text = std::to_string(region_id);

  // Units, one tree level at a time.
  auto unit_ids = ids_by_code(session, "organization_units", region_id);
  for (int depth = 0;; ++depth) {
    std::vector<db::BulkRow> rows;
    for (const UnitPlan& unit : plan.units) {
      if (unit.depth != depth) {
        continue;
      }
      const std::int64_t agency_id = agencies[unit.agency].id;
      std::optional<std::string> parent;
      if (!unit.parent_code.empty()) {
        parent = std::to_string(unit_ids.at({agency_id, unit.parent_code}));
      }
      rows.push_back(db::BulkRow{region_text, std::to_string(agency_id), parent, unit.code, unit.name,
                                 std::string(name(unit.kind)), "1", "1"});
    }
    if (rows.empty()) {
      break;
    }
    report.units += static_cast<int>(TRY(db::bulk_insert(
        session, backend, "organization_units",
        {"region_id", "agency_id", "parent_id", "code", "name", "kind", "active", "version"}, rows)));
    unit_ids = ids_by_code(session, "organization_units", region_id);
  }

  // Positions.
  std::vector<db::BulkRow> position_rows;
  position_rows.reserve(plan.positions.size());
  for (const PositionPlan& position : plan.positions) {
    const std::int64_t agency_id = agencies[position.agency].id;
    std::optional<std::string> unit;
    if (!position.unit_code.empty()) {
      unit = std::to_string(unit_ids.at({agency_id, position.unit_code}));
    }
    position_rows.push_back(db::BulkRow{region_text, std::to_string(agency_id), unit, position.code,
                                        position.title, std::string(name(position.level)),
                                        position.agency_head ? "1" : "0", position.unit_head ? "1" : "0",
                                        format_iso_date(position.established), "1", "1"});
  }
  report.positions = static_cast<int>(
      TRY(db::bulk_insert(session, backend, "positions",
                          {"region_id", "agency_id", "unit_id", "code", "title", "level", "is_agency_head",
                           "is_unit_head", "established_on", "active", "version"},
                          position_rows)));
  const auto position_ids = ids_by_code(session, "positions", region_id);

  // People (those already registered under a demo NIP keep their row).
  std::vector<db::BulkRow> people_rows;
  std::vector<bool> inserted(plan.people.size(), false);
  for (std::size_t index = 0; index < plan.people.size(); ++index) {
    const PersonPlan& person = plan.people[index];
    if (existing_people.contains(person.nip)) {
      continue;
    }
    inserted[index] = true;
    people_rows.push_back(db::BulkRow{
        region_text, person.nip, person.name, person.rank, std::string(name(person.status)),
        optional_text(std::to_string(agencies[person.agency].id)), person.active ? "1" : "0", "1"});
  }
  report.people = static_cast<int>(TRY(db::bulk_insert(
      session, backend, "people",
      {"region_id", "nip", "name", "rank_grade", "employment_status", "agency_id", "active", "version"},
      people_rows)));
  const auto person_ids = people_by_nip(session, region_id);

  // Assignments.
  std::vector<db::BulkRow> assignment_rows;
  assignment_rows.reserve(plan.assignments.size());
  std::vector<std::optional<Date>> last_day(plan.people.size());  // of any tenure; today when current
  for (const AssignmentPlan& assignment : plan.assignments) {
    const PositionPlan& position = plan.positions[assignment.position];
    const PersonPlan& person = plan.people[assignment.person];
    assignment_rows.push_back(
        db::BulkRow{region_text, std::to_string(person_ids.at(person.nip)),
                    std::to_string(position_ids.at({agencies[position.agency].id, position.code})),
                    std::string(name(assignment.kind)), format_iso_date(assignment.starts_on),
                    assignment.ends_on ? optional_text(format_iso_date(*assignment.ends_on)) : std::nullopt,
                    assignment.decree, assignment.note, "1"});
    if (assignment.starts_on <= today) {
      const Date last = assignment.ends_on ? std::min(*assignment.ends_on, today) : today;
      auto& known = last_day[assignment.person];
      known = known ? std::max(*known, last) : last;
    }
  }
  report.assignments =
      static_cast<int>(TRY(db::bulk_insert(session, backend, "assignments",
                                           {"region_id", "person_id", "position_id", "kind", "starts_on",
                                            "ends_on", "decree_number", "note", "version"},
                                           assignment_rows)));

  // Attendance: everyone who held a post in the last 12 months, up to their last day.
  const Workdays workdays = workdays_before(today);
  AttendanceWriter writer(session, backend, region_id);
  for (std::size_t index = 0; index < plan.people.size() && !workdays.days.empty(); ++index) {
    if (!inserted[index] || !last_day[index] || *last_day[index] < workdays.days.front()) {
      continue;
    }
    const auto last = std::upper_bound(workdays.days.begin(), workdays.days.end(), *last_day[index]);
    const auto last_index = static_cast<std::size_t>(last - workdays.days.begin()) - 1;
    std::optional<DisciplineProfile> profile;
    if (auto found = plan.discipline.find(index); found != plan.discipline.end()) {
      profile = found->second;
    }
    const PersonPlan& person = plan.people[index];
    TRY(writer.add(PersonIds{person_ids.at(person.nip), agencies[person.agency].id}, workdays, last_index,
                   profile, kSeed ^ static_cast<std::uint32_t>(index * 2654435761U)));
  }
  TRY(writer.flush());
  report.attendance_records = writer.written();

  audit::AuditEvent event;
  event.actor = audit::Actor{audit::ActorType::system, std::nullopt, "demo"};
  event.region_id = region_id;
  event.action = "organization.demo_load";
  event.entity_type = "organization";
  event.entity_id = region_text;
  event.changes = {
      audit::FieldChange{"assignments", nullptr, report.assignments},
      audit::FieldChange{"attendance_records", nullptr, report.attendance_records},
      audit::FieldChange{"people", nullptr, report.people},
      audit::FieldChange{"positions", nullptr, report.positions},
      audit::FieldChange{"units", nullptr, report.units},
  };
  TRY(audit::append(session, backend, event, clock));
  return report;
}

}  // namespace

Result<OrganizationDemoReport> load_organization_demo(db::Database& database, const Clock& clock,
                                                      Date today) {
  if (today < calendar(2021, 1, 1)) {
    return Error(ErrorCode::InvalidInput,
                 {"tanggal demo harus 2021 atau sesudahnya (the demo date must be 2021 or later)"});
  }
  const db::Backend backend = database.backend();
  return database.with_transaction([&](soci::session& session) -> Result<OrganizationDemoReport> {
    return load(session, backend, clock, today);
  });
}

}  // namespace sinergi::organization
