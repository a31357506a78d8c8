#include "platform/files/content_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <latch>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace sinergi::files {
namespace {

using namespace std::string_literals;

// Minimal but real beginnings of each accepted kind of file.
const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"s;
const std::string kPng =
    "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1F\x15\xC4\x89"s;
const std::string kJpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"s;
const std::string kElf = "\x7F"s + "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3E\x00"s;

void append_little_endian(std::string& out, std::uint32_t value, int width) {
  for (int index = 0; index < width; ++index) {
    out.push_back(static_cast<char>((value >> (8 * index)) & 0xFFU));
  }
}

// One stored (uncompressed) ZIP entry. With `streamed`, the sizes are left zero in the local
// header and follow the data in a data descriptor, as streaming writers (Apache POI) do.
std::string zip_entry(std::string_view name, std::string_view data, bool streamed = false) {
  std::string entry = "PK\x03\x04"s;
  append_little_endian(entry, 20, 2);                // version needed
  append_little_endian(entry, streamed ? 8 : 0, 2);  // flags: bit 3 = data descriptor
  append_little_endian(entry, 0, 2);                 // method: stored
  append_little_endian(entry, 0, 4);                 // time and date
  append_little_endian(entry, 0, 4);                 // CRC-32 (not checked by the sniffer)
  const auto size = static_cast<std::uint32_t>(data.size());
  append_little_endian(entry, streamed ? 0 : size, 4);
  append_little_endian(entry, streamed ? 0 : size, 4);
  append_little_endian(entry, static_cast<std::uint32_t>(name.size()), 2);
  append_little_endian(entry, 0, 2);  // extra field length
  entry += name;
  entry += data;
  if (streamed) {
    entry += "PK\x07\x08"s;
    append_little_endian(entry, 0, 4);
    append_little_endian(entry, size, 4);
    append_little_endian(entry, size, 4);
  }
  return entry;
}

// Entries followed by an (empty) end of central directory record.
std::string zip_of(const std::vector<std::string>& entries) {
  std::string archive;
  for (const std::string& entry : entries) {
    archive += entry;
  }
  return archive + "PK\x05\x06"s + std::string(18, '\0');
}

const std::string kXlsx =
    zip_of({zip_entry("[Content_Types].xml", "<Types/>"), zip_entry("_rels/.rels", "<Relationships/>"),
            zip_entry("xl/workbook.xml", "<workbook/>")});
const std::string kDocx =
    zip_of({zip_entry("[Content_Types].xml", "<Types/>"), zip_entry("word/document.xml", "<w:document/>")});

MediaType sniffed(std::string_view bytes, std::string_view file_name) {
  const Result<MediaType> type = sniff(bytes, file_name);
  EXPECT_TRUE(type.ok()) << file_name << ": " << type.error().message(Locale::english) << " "
                         << (type.error().fields().empty() ? "" : type.error().fields()[0].message_en);
  return type.value_or(MediaType::pdf);
}

// The refusal's code, after checking that it names the file and explains itself on "file".
ErrorCode refusal(std::string_view bytes, std::string_view file_name) {
  const Result<MediaType> type = sniff(bytes, file_name);
  if (type.ok()) {
    ADD_FAILURE() << file_name << " was accepted";
    return ErrorCode::Internal;
  }
  EXPECT_NE(type.error().message(Locale::english).find("'" + std::string(file_name) + "'"), std::string::npos)
      << type.error().message(Locale::english);
  if (type.error().code() == ErrorCode::EvidenceTypeNotAllowed) {
    EXPECT_EQ(type.error().fields().size(), 1U);
    EXPECT_EQ(type.error().fields().at(0).field, "file");
  }
  return type.error().code();
}

TEST(Sha256Test, MatchesThePublishedVectors) {
  // FIPS 180-2, appendix B.1, and the hash of the empty message.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // FIPS 180-2, appendix B.2 (two blocks).
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, RecognisesOnlyLowerCaseHex) {
  const std::string hash = sha256_hex("abc");
  EXPECT_TRUE(is_sha256_hex(hash));
  EXPECT_FALSE(is_sha256_hex(hash.substr(1)));
  EXPECT_FALSE(is_sha256_hex(hash + "0"));
  EXPECT_FALSE(is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  EXPECT_FALSE(is_sha256_hex("../../etc/passwd"));
  EXPECT_FALSE(is_sha256_hex(std::string(63, 'a') + "g"));
}

TEST(MediaTypeTest, NamesEachType) {
  EXPECT_EQ(mime_type(MediaType::pdf), "application/pdf");
  EXPECT_EQ(mime_type(MediaType::jpeg), "image/jpeg");
  EXPECT_EQ(mime_type(MediaType::png), "image/png");
  EXPECT_EQ(mime_type(MediaType::xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(mime_type(MediaType::docx),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(mime_type(MediaType::csv), "text/csv");
  EXPECT_EQ(extension(MediaType::pdf), "pdf");
  EXPECT_EQ(extension(MediaType::jpeg), "jpg");
  EXPECT_EQ(extension(MediaType::png), "png");
  EXPECT_EQ(extension(MediaType::xlsx), "xlsx");
  EXPECT_EQ(extension(MediaType::docx), "docx");
  EXPECT_EQ(extension(MediaType::csv), "csv");
}

TEST(SniffTest, AcceptsEachKindByItsBytes) {
  EXPECT_EQ(sniffed(kPdf, "laporan.pdf"), MediaType::pdf);
  EXPECT_EQ(sniffed(kPng, "foto.png"), MediaType::png);
  EXPECT_EQ(sniffed(kJpeg, "foto.jpg"), MediaType::jpeg);
  EXPECT_EQ(sniffed(kJpeg, "foto.jpeg"), MediaType::jpeg);
  EXPECT_EQ(sniffed(kXlsx, "capaian.xlsx"), MediaType::xlsx);
  EXPECT_EQ(sniffed(kDocx, "nota dinas.docx"), MediaType::docx);
  EXPECT_EQ(sniffed("nama;nilai\nSiti;90\n", "data.csv"), MediaType::csv);
  // A byte order mark and non-ASCII text are still UTF-8 text.
  EXPECT_EQ(sniffed("\xEF\xBB\xBFunit\nDinas Pendidikan \xE2\x80\x93 Kaltim\n", "unit.csv"), MediaType::csv);
}

TEST(SniffTest, ExtensionsIgnoreCaseAndThePathBeforeTheName) {
  EXPECT_EQ(sniffed(kPdf, "LAPORAN.PDF"), MediaType::pdf);
  EXPECT_EQ(sniffed(kPdf, "C:\\fakepath\\laporan.Pdf"), MediaType::pdf);
  EXPECT_EQ(sniffed(kJpeg, "FOTO.JPG"), MediaType::jpeg);
  EXPECT_EQ(sniffed(kXlsx, "CAPAIAN.XLSX"), MediaType::xlsx);
  EXPECT_EQ(sniffed(kDocx, "Nota.DocX"), MediaType::docx);
  EXPECT_EQ(sniffed("a,b\n", "DATA.CSV"), MediaType::csv);
  // A dot in a directory does not make an extension.
  EXPECT_EQ(sniffed(kPdf, "arsip.2025/laporan"), MediaType::pdf);
}

TEST(SniffTest, ANameWithoutExtensionLetsTheBytesDecide) {
  EXPECT_EQ(sniffed(kPdf, "laporan"), MediaType::pdf);
  EXPECT_EQ(sniffed(kPng, ""), MediaType::png);
  // ZIP-based and text types need their name: the bytes alone do not say what they are.
  EXPECT_EQ(refusal(kXlsx, "capaian"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("a,b\n", "data"), ErrorCode::EvidenceTypeNotAllowed);
}

TEST(SniffTest, FindsOfficeEntriesAfterAStreamedEntry) {
  // The first entry's size is only in its data descriptor: the walk must still reach "xl/".
  const std::string streamed = zip_of({zip_entry("[Content_Types].xml", "<Types/>", true),
                                       zip_entry("xl/workbook.xml", "<workbook/>", true)});
  EXPECT_EQ(sniffed(streamed, "capaian.xlsx"), MediaType::xlsx);
}

TEST(SniffTest, RefusesExecutablesAndMarkup) {
  EXPECT_EQ(refusal(kElf, "program"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kElf, "program.exe"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kElf, "program.pdf"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("MZ\x90\x00\x03\x00\x00\x00"s, "setup.exe"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("<html><body>hai</body></html>", "page.html"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("<html><body>hai</body></html>", "page.pdf"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.svg"),
            ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.png"),
            ErrorCode::EvidenceTypeNotAllowed);
}

TEST(SniffTest, RefusesZipArchivesUnderAnyOtherName) {
  EXPECT_EQ(refusal(kXlsx, "arsip.zip"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kXlsx, "setup.exe"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kXlsx, "capaian.pdf"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kXlsx, "capaian.csv"), ErrorCode::EvidenceTypeNotAllowed);
}

TEST(SniffTest, RefusesOfficeNamesWithoutTheirEntries) {
  EXPECT_EQ(refusal(kXlsx, "nota.docx"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kDocx, "capaian.xlsx"), ErrorCode::EvidenceTypeNotAllowed);
  const std::string plain_zip = zip_of({zip_entry("readme.txt", "xl/ word/")});
  EXPECT_EQ(refusal(plain_zip, "capaian.xlsx"), ErrorCode::EvidenceTypeNotAllowed);
  // Truncated and lying headers end the walk without reading past the bytes.
  EXPECT_EQ(refusal("PK\x03\x04\x14\x00"s, "capaian.xlsx"), ErrorCode::EvidenceTypeNotAllowed);
  std::string lying = zip_entry("xl/workbook.xml", "");
  lying[26] = '\xFF';  // name length far beyond the end
  EXPECT_EQ(refusal(lying, "capaian.xlsx"), ErrorCode::EvidenceTypeNotAllowed);
}

TEST(SniffTest, RefusesANameThatContradictsTheBytes) {
  // The bytes decide the type, but a download named .png that opens as a PDF would mislead:
  // the contradiction is refused, with both sides in the reason.
  const Result<MediaType> type = sniff(kPdf, "x.png");
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.error().code(), ErrorCode::EvidenceTypeNotAllowed);
  ASSERT_EQ(type.error().fields().size(), 1U);
  EXPECT_EQ(type.error().fields()[0].message_en,
            "the content is PDF but the name ends in .png; correct the file name or upload the right file");
  EXPECT_EQ(type.error().message(Locale::english),
            "The file type of 'x.png' is not allowed; use PDF, JPEG, PNG, XLSX, DOCX or CSV");
  EXPECT_EQ(refusal(kPng, "foto.jpg"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kJpeg, "foto.pdf"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kPdf, "laporan.csv"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal(kPdf, "laporan.pdf.exe"), ErrorCode::EvidenceTypeNotAllowed);
}

TEST(SniffTest, RefusesCsvThatIsNotUtf8Text) {
  EXPECT_EQ(refusal("nama,nilai\nSiti\0,90\n"s, "data.csv"), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(refusal("nama,nilai\nS\xC3\x28ti,90\n", "data.csv"),
            ErrorCode::EvidenceTypeNotAllowed);                                           // bad continuation
  EXPECT_EQ(refusal("nama\n\xC0\xAF\n", "data.csv"), ErrorCode::EvidenceTypeNotAllowed);  // overlong "/"
  EXPECT_EQ(refusal("nama\nSiti\xE2\x80", "data.csv"), ErrorCode::EvidenceTypeNotAllowed);  // cut short
  EXPECT_EQ(refusal(kElf, "data.csv"), ErrorCode::EvidenceTypeNotAllowed);
}

TEST(SniffTest, RefusesAnEmptyFile) {
  EXPECT_EQ(refusal("", "laporan.pdf"), ErrorCode::EmptyFile);
  EXPECT_EQ(sniff("", "laporan.pdf").error().message(Locale::indonesian), "Berkas 'laporan.pdf' kosong");
}

// A fresh directory under the system's temporary directory per test, removed afterwards.
class ContentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    directory_ = std::filesystem::temp_directory_path() /
                 ("sinergi-files-test-" + std::to_string(random()) + "-" + std::to_string(random()));
    ASSERT_FALSE(std::filesystem::exists(directory_));
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }

  ContentStore open_store(Limits limits = {}) {
    Result<ContentStore> store = ContentStore::open(directory_ / "evidence", limits);
    EXPECT_TRUE(store.ok()) << store.error().message(Locale::english);
    return std::move(store).value();
  }

  // Every regular file under the store's root, temporary files included.
  static std::vector<std::filesystem::path> files_under(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) {
        files.push_back(entry.path());
      }
    }
    return files;
  }

  static void overwrite(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    ASSERT_TRUE(out.good());
  }

  std::filesystem::path directory_;
};

TEST_F(ContentStoreTest, OpenCreatesTheRootWithItsParents) {
  Result<ContentStore> store =
      ContentStore::open(directory_ / "a" / "b" / "evidence", Limits{.max_bytes = 1234});
  ASSERT_TRUE(store.ok()) << store.error().message(Locale::english);
  EXPECT_TRUE(std::filesystem::is_directory(directory_ / "a" / "b" / "evidence"));
  EXPECT_EQ(store->root(), directory_ / "a" / "b" / "evidence");
  EXPECT_EQ(store->limits().max_bytes, 1234U);
}

TEST_F(ContentStoreTest, OpenRefusesARootThatIsAFile) {
  std::filesystem::create_directories(directory_);
  overwrite(directory_ / "plain", "not a directory");
  const Result<ContentStore> store = ContentStore::open(directory_ / "plain");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code(), ErrorCode::FileError);
}

TEST_F(ContentStoreTest, PutThenGetRoundTrips) {
  const ContentStore store = open_store();
  const Result<StoredFile> stored = store.put(kPdf, "laporan.pdf");
  ASSERT_TRUE(stored.ok()) << stored.error().message(Locale::english);
  EXPECT_EQ(*stored, (StoredFile{sha256_hex(kPdf), kPdf.size(), MediaType::pdf}));
  EXPECT_TRUE(store.contains(stored->sha256));
  const Result<std::string> content = store.get(stored->sha256);
  ASSERT_TRUE(content.ok()) << content.error().message(Locale::english);
  EXPECT_EQ(*content, kPdf);

  const Result<StoredFile> workbook = store.put(kXlsx, "capaian.xlsx");
  ASSERT_TRUE(workbook.ok());
  EXPECT_EQ(workbook->media_type, MediaType::xlsx);
  EXPECT_EQ(store.get(workbook->sha256).value_or(""), kXlsx);
}

TEST_F(ContentStoreTest, FilesLiveUnderTheirHashsFirstTwoDigits) {
  const ContentStore store = open_store();
  const Result<StoredFile> stored = store.put(kPng, "foto.png");
  ASSERT_TRUE(stored.ok());
  const std::string& hash = stored->sha256;
  const std::filesystem::path expected = store.root() / hash.substr(0, 2) / hash;
  EXPECT_EQ(files_under(store.root()), std::vector<std::filesystem::path>{expected});
  std::ifstream in(expected, std::ios::binary);
  const std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk, kPng);
}

TEST_F(ContentStoreTest, PuttingTheSameBytesTwiceStoresOneFile) {
  const ContentStore store = open_store();
  const Result<StoredFile> first = store.put(kPdf, "laporan.pdf");
  ASSERT_TRUE(first.ok());
  const auto written_at =
      std::filesystem::last_write_time(store.root() / first->sha256.substr(0, 2) / first->sha256);
  // Another name for the same content is the same stored file.
  const Result<StoredFile> second = store.put(kPdf, "laporan (1).pdf");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, *first);
  EXPECT_EQ(files_under(store.root()).size(), 1U);
  EXPECT_EQ(std::filesystem::last_write_time(store.root() / first->sha256.substr(0, 2) / first->sha256),
            written_at);
}

TEST_F(ContentStoreTest, RefusesAFileOverTheLimitAndWritesNothing) {
  const ContentStore store = open_store(Limits{.max_bytes = kPdf.size() - 1});
  const Result<StoredFile> stored = store.put(kPdf, "besar.pdf");
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code(), ErrorCode::FileLimitExceeded);
  ASSERT_EQ(stored.error().fields().size(), 1U);
  EXPECT_EQ(stored.error().fields()[0].field, "file");
  EXPECT_EQ(stored.error().fields()[0].message_en,
            "the file 'besar.pdf' is larger than the limit of " + std::to_string(kPdf.size() - 1) + " bytes");
  EXPECT_TRUE(files_under(store.root()).empty());
  EXPECT_TRUE(std::filesystem::is_empty(store.root()));

  // Exactly at the limit is allowed.
  const ContentStore exact = open_store(Limits{.max_bytes = kPdf.size()});
  EXPECT_TRUE(exact.put(kPdf, "pas.pdf").ok());
}

TEST_F(ContentStoreTest, TheDefaultLimitIsTenMegabytes) {
  const ContentStore store = open_store();
  const std::string too_large = kPdf + std::string(std::size_t{10} * 1024 * 1024, 'x');
  const Result<StoredFile> stored = store.put(too_large, "besar.pdf");
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(stored.error().fields().at(0).message_id, "berkas 'besar.pdf' lebih besar dari batas 10 MB");
}

TEST_F(ContentStoreTest, RefusedTypesWriteNothing) {
  const ContentStore store = open_store();
  EXPECT_EQ(store.put(kElf, "program.pdf").error().code(), ErrorCode::EvidenceTypeNotAllowed);
  EXPECT_EQ(store.put("", "kosong.pdf").error().code(), ErrorCode::EmptyFile);
  EXPECT_TRUE(std::filesystem::is_empty(store.root()));
}

TEST_F(ContentStoreTest, GetRefusesAnythingButLowerCaseHexWithoutTouchingPaths) {
  const ContentStore store = open_store();
  const Result<StoredFile> stored = store.put(kPdf, "laporan.pdf");
  ASSERT_TRUE(stored.ok());
  std::string upper_case = stored->sha256;
  for (char& character : upper_case) {
    character = static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
  }
  ASSERT_NE(upper_case, stored->sha256);  // a hash of digits only would make this test vacuous
  for (const std::string& bad : {"../../etc/passwd"s, upper_case, stored->sha256.substr(0, 63), ""s,
                                 stored->sha256.substr(0, 2) + "/../" + stored->sha256.substr(6)}) {
    const Result<std::string> content = store.get(bad);
    ASSERT_FALSE(content.ok()) << bad;
    EXPECT_EQ(content.error().code(), ErrorCode::InvalidInput) << bad;
    EXPECT_FALSE(store.contains(bad)) << bad;
  }
}

TEST_F(ContentStoreTest, GetOfAnUnknownHashIsNotFound) {
  const ContentStore store = open_store();
  const std::string unknown = sha256_hex("never stored");
  EXPECT_FALSE(store.contains(unknown));
  const Result<std::string> content = store.get(unknown);
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().code(), ErrorCode::NotFound);
}

TEST_F(ContentStoreTest, GetReportsACorruptedFile) {
  const ContentStore store = open_store();
  const Result<StoredFile> stored = store.put(kPdf, "laporan.pdf");
  ASSERT_TRUE(stored.ok());
  const std::filesystem::path path = store.root() / stored->sha256.substr(0, 2) / stored->sha256;
  std::string tampered = kPdf;
  tampered[10] = tampered[10] == 'x' ? 'y' : 'x';  // same size, one byte changed
  overwrite(path, tampered);
  const Result<std::string> content = store.get(stored->sha256);
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.error().code(), ErrorCode::FileError);
  // The caller sees the hash, the log the server's path.
  EXPECT_EQ(content.error().message(Locale::english).find(store.root().string()), std::string::npos);
  EXPECT_NE(content.error().log_detail().find(path.string()), std::string::npos);
}

TEST_F(ContentStoreTest, PuttingAgainRepairsATruncatedFile) {
  const ContentStore store = open_store();
  const Result<StoredFile> stored = store.put(kPdf, "laporan.pdf");
  ASSERT_TRUE(stored.ok());
  overwrite(store.root() / stored->sha256.substr(0, 2) / stored->sha256, kPdf.substr(0, 8));
  EXPECT_EQ(store.get(stored->sha256).error().code(), ErrorCode::FileError);
  ASSERT_TRUE(store.put(kPdf, "laporan.pdf").ok());
  EXPECT_EQ(store.get(stored->sha256).value_or(""), kPdf);
}

TEST_F(ContentStoreTest, ConcurrentPutsOfTheSameAndDifferentContentAllSucceed) {
  const ContentStore store = open_store();
  constexpr int kThreads = 8;
  constexpr int kRounds = 20;
  const std::string shared = kPdf + "% shared by every thread\n";
  std::atomic<int> failures = 0;
  std::latch start(kThreads);
  std::vector<std::vector<std::string>> contents(kThreads);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      const std::string own = kPdf + "% thread " + std::to_string(thread) + "\n";
      start.arrive_and_wait();  // all threads begin together, so their writes overlap
      for (int round = 0; round < kRounds; ++round) {
        const std::string unique = own + "% round " + std::to_string(round) + "\n";
        for (const std::string* content : {&shared, &own, &unique}) {
          const Result<StoredFile> stored = store.put(*content, "laporan.pdf");
          if (!stored.ok() || stored->sha256 != sha256_hex(*content)) {
            ++failures;
          }
        }
        contents[thread].push_back(unique);
      }
      contents[thread].push_back(own);
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(failures.load(), 0);

  contents[0].push_back(shared);
  std::size_t distinct = 0;
  for (const std::vector<std::string>& thread_contents : contents) {
    for (const std::string& content : thread_contents) {
      ++distinct;
      const Result<std::string> read = store.get(sha256_hex(content));
      ASSERT_TRUE(read.ok()) << read.error().message(Locale::english);
      EXPECT_EQ(*read, content);
    }
  }
  // One file per distinct content, and no temporary file left behind.
  EXPECT_EQ(distinct, 1U + kThreads + kThreads * kRounds);
  const std::vector<std::filesystem::path> files = files_under(store.root());
  EXPECT_EQ(files.size(), distinct);
  for (const std::filesystem::path& file : files) {
    EXPECT_TRUE(is_sha256_hex(file.filename().string())) << file;
  }
}

}  // namespace
}  // namespace sinergi::files
