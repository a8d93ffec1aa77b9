"""The indicator catalogue of Dinkes Kota Semarang: its programs, the numbers each puskesmas enters
per kelurahan per month, and the indicators computed from them. Definitions follow Permenkes
6/2024 (SPM), the ILP technical guidance (KMK HK.01.07/MENKES/2015/2023) and the other sources
named on each indicator. Admins and Staf Dinkes maintain it afterwards in the Django admin.
"""

from django.db import migrations

PROGRAMS = [
    ("spm", "SPM Kesehatan", 0,
     "Standar Pelayanan Minimal bidang kesehatan kabupaten/kota: 12 jenis pelayanan dasar yang wajib diterima "
     "setiap warga, masing-masing dengan target 100%.",
     "Setiap warga sasaran menerima 12 pelayanan dasar sesuai standar teknis Permenkes 6/2024."),
    ("permaisuri", "PERMAISURI", 1,
     "Program kota untuk pemantauan kesehatan ibu hamil, bersalin dan nifas, serta rujukan ibu hamil risiko tinggi.",
     "Menurunkan kematian ibu: setiap ibu hamil dipantau sejak K1, risiko tinggi ditemukan dini dan dirujuk tepat waktu."),
    ("krisnna", "KRISNNA", 2,
     "Program kota untuk bayi kecil (berat lahir rendah dan prematur) dan keluarganya, sejak lahir sampai tumbuh kejar.",
     "Menurunkan kematian bayi: setiap bayi baru lahir, terutama bayi kecil, mendapat kunjungan neonatal lengkap "
     "dan pendampingan keluarga."),
    ("kleopatra", "KLEOPATRA", 3,
     "Program lintas sektor kota untuk kemiskinan ekstrem, stunting dan tuberkulosis, bersama kelurahan, kader, "
     "sekolah dan dunia usaha.",
     "Menurunkan stunting dan beban TBC di kantong kemiskinan: balita dipantau tumbuhnya, kasus TBC ditemukan dan "
     "diobati sampai sembuh, rumah tangga miskin terjangkau jamban sehat dan JKN."),
    ("ilp", "ILP", 4,
     "Integrasi Layanan Primer: layanan puskesmas, pustu dan posyandu disusun per siklus hidup (klaster 1–5), "
     "dengan pemantauan wilayah setempat sampai kelurahan.",
     "Setiap warga dilayani sesuai siklus hidupnya dari posyandu sampai puskesmas: imunisasi lengkap, skrining "
     "usia sekolah, produktif dan lansia, serta tata laksana PTM dan kesehatan jiwa."),
]

# (code, name, program, unit, aggregation, definition)
DATA_ELEMENTS = [
    ("BUMIL_K1", "Ibu hamil K1", "permaisuri", "orang", "SUM",
     "Ibu hamil yang mendapat kontak ANC pertama bulan ini (idealnya trimester 1)."),
    ("BUMIL_K6", "Ibu hamil K6", "permaisuri", "orang", "SUM",
     "Ibu hamil yang bulan ini genap mendapat ≥6 kunjungan ANC (1 di trimester 1, 2 di trimester 2, 3 di "
     "trimester 3), ≥2 di antaranya oleh dokter termasuk USG."),
    ("BUMIL_RISTI", "Ibu hamil risiko tinggi/komplikasi ditemukan", "permaisuri", "orang", "SUM",
     "Ibu hamil yang bulan ini ditemukan berisiko tinggi atau dengan komplikasi (KEK, anemia, hipertensi, DM, "
     "infeksi, dll.)."),
    ("BUMIL_RISTI_DITANGANI", "Ibu hamil risiko tinggi/komplikasi ditangani", "permaisuri", "orang", "SUM",
     "Ibu hamil risiko tinggi/komplikasi yang bulan ini mendapat penanganan atau rujukan sesuai standar."),
    ("BULIN_FASYANKES", "Persalinan di fasyankes", "permaisuri", "orang", "SUM",
     "Ibu bersalin yang ditolong tim tenaga kesehatan di fasilitas pelayanan kesehatan."),
    ("NIFAS_KF_LENGKAP", "Ibu nifas KF lengkap", "permaisuri", "orang", "SUM",
     "Ibu nifas yang bulan ini genap mendapat 4 kunjungan nifas (KF1–KF4)."),
    ("KEMATIAN_IBU", "Kematian ibu", "permaisuri", "orang", "SUM",
     "Ibu yang meninggal saat hamil, bersalin atau dalam 42 hari setelahnya, bukan karena kecelakaan."),
    ("LAHIR_HIDUP", "Bayi lahir hidup", "krisnna", "bayi", "SUM", "Bayi yang lahir hidup bulan ini."),
    ("KN1", "Kunjungan neonatal pertama (KN1)", "krisnna", "bayi", "SUM",
     "Bayi baru lahir yang mendapat kunjungan neonatal pada 6–48 jam."),
    ("KN_LENGKAP", "Kunjungan neonatal lengkap", "krisnna", "bayi", "SUM",
     "Bayi yang bulan ini genap mendapat KN1 (6–48 jam), KN2 (3–7 hari) dan KN3 (8–28 hari)."),
    ("BBLR", "Bayi berat lahir rendah (BBLR)", "krisnna", "bayi", "SUM",
     "Bayi lahir hidup dengan berat lahir kurang dari 2.500 gram."),
    ("KEMATIAN_BAYI", "Kematian bayi (0–11 bulan)", "krisnna", "bayi", "SUM",
     "Bayi usia 0–11 bulan yang meninggal bulan ini."),
    ("IDL", "Bayi imunisasi dasar lengkap", "ilp", "bayi", "SUM",
     "Bayi yang bulan ini melengkapi imunisasi dasar (HB0, BCG, polio, DPT-HB-Hib, campak-rubela)."),
    ("BADUTA_LENGKAP", "Baduta imunisasi lanjutan lengkap", "ilp", "anak", "SUM",
     "Anak usia 18–24 bulan yang bulan ini melengkapi imunisasi lanjutan DPT-HB-Hib dan campak-rubela."),
    ("BALITA_SPM", "Balita mendapat pelayanan sesuai standar", "ilp", "anak", "SUM",
     "Balita yang bulan ini genap mendapat pelayanan sesuai standar dalam tahun berjalan (pemantauan "
     "pertumbuhan dan perkembangan, vitamin A, imunisasi, tindak lanjut)."),
    ("SKRINING_DIKDAS", "Anak usia pendidikan dasar diskrining", "ilp", "anak", "SUM",
     "Anak kelas 1–9 (usia 7–15 tahun) yang bulan ini mendapat skrining kesehatan sesuai standar."),
    ("SKRINING_PRODUKTIF", "Warga usia 15–59 tahun diskrining", "ilp", "orang", "SUM",
     "Warga 15–59 tahun yang bulan ini mendapat skrining kesehatan sesuai standar (pertama kali dalam tahun ini)."),
    ("SKRINING_LANSIA", "Warga usia 60+ tahun diskrining", "ilp", "orang", "SUM",
     "Warga 60 tahun ke atas yang bulan ini mendapat skrining kesehatan sesuai standar (pertama kali dalam tahun ini)."),
    ("HT_DILAYANI", "Penderita hipertensi dilayani sesuai standar", "ilp", "orang", "SUM",
     "Penderita hipertensi usia ≥15 tahun yang bulan ini pertama kali dalam tahun ini mendapat pelayanan sesuai standar."),
    ("DM_DILAYANI", "Penderita diabetes melitus dilayani sesuai standar", "ilp", "orang", "SUM",
     "Penderita DM usia ≥15 tahun yang bulan ini pertama kali dalam tahun ini mendapat pelayanan sesuai standar."),
    ("ODGJ_DILAYANI", "ODGJ berat dilayani sesuai standar", "ilp", "orang", "SUM",
     "Orang dengan gangguan jiwa berat (psikotik akut, skizofrenia) yang bulan ini pertama kali dalam tahun ini "
     "mendapat pelayanan kesehatan jiwa sesuai standar."),
    ("HIV_BERISIKO", "Orang berisiko terinfeksi HIV (sasaran)", "ilp", "orang", "SUM",
     "Orang berisiko terinfeksi HIV yang dijangkau bulan ini: ibu hamil, pasien TBC, pasien IMS, penjaja seks, "
     "LSL, waria, penasun, warga binaan."),
    ("HIV_DITES", "Orang berisiko terinfeksi HIV dites", "ilp", "orang", "SUM",
     "Orang berisiko terinfeksi HIV yang bulan ini mendapat tes HIV sesuai standar."),
    ("POSYANDU_TOTAL", "Posyandu ILP", "ilp", "posyandu", "LAST", "Jumlah posyandu di kelurahan pada akhir bulan."),
    ("POSYANDU_AKTIF", "Posyandu ILP aktif", "ilp", "posyandu", "LAST",
     "Posyandu yang bulan ini buka dan melayani semua siklus hidup."),
    ("BALITA_D", "Balita ditimbang (D)", "kleopatra", "anak", "SUM", "Balita yang ditimbang bulan ini."),
    ("BALITA_DIUKUR", "Balita diukur panjang/tinggi badan", "kleopatra", "anak", "SUM",
     "Balita yang bulan ini diukur panjang atau tinggi badannya."),
    ("STUNTING", "Balita stunting (TB/U < −2 SD)", "kleopatra", "anak", "SUM",
     "Balita diukur bulan ini dengan panjang/tinggi menurut umur di bawah −2 SD standar WHO (pendek dan sangat pendek)."),
    ("WASTING", "Balita wasting (BB/TB < −2 SD)", "kleopatra", "anak", "SUM",
     "Balita diukur bulan ini dengan berat menurut panjang/tinggi di bawah −2 SD (gizi kurang dan gizi buruk)."),
    ("GIZI_BURUK", "Balita gizi buruk (BB/TB < −3 SD)", "kleopatra", "anak", "SUM",
     "Balita diukur bulan ini dengan berat menurut panjang/tinggi di bawah −3 SD."),
    ("UNDERWEIGHT", "Balita berat badan kurang (BB/U < −2 SD)", "kleopatra", "anak", "SUM",
     "Balita ditimbang bulan ini dengan berat menurut umur di bawah −2 SD."),
    ("TB_TERDUGA", "Orang terduga TBC", "kleopatra", "orang", "SUM",
     "Orang dengan gejala atau kontak TBC yang ditemukan bulan ini (terduga TBC)."),
    ("TB_TERDUGA_DILAYANI", "Terduga TBC mendapat pemeriksaan sesuai standar", "kleopatra", "orang", "SUM",
     "Terduga TBC bulan ini yang mendapat pemeriksaan penunjang (tes cepat molekuler/BTA, rontgen) sesuai standar."),
    ("TB_KASUS", "Kasus TBC ditemukan", "kleopatra", "orang", "SUM",
     "Kasus TBC semua tipe yang terdiagnosis bulan ini."),
    ("TB_KOHORT_DIEVALUASI", "Pasien TBC kohort dievaluasi", "kleopatra", "orang", "SUM",
     "Pasien TBC yang kohort pengobatannya selesai dievaluasi bulan ini."),
    ("TB_SEMBUH_LENGKAP", "Pasien TBC sembuh atau pengobatan lengkap", "kleopatra", "orang", "SUM",
     "Pasien TBC dari kohort yang dievaluasi bulan ini yang sembuh atau menyelesaikan pengobatan lengkap."),
    ("KK_TOTAL", "Kepala keluarga", "kleopatra", "KK", "LAST", "Jumlah kepala keluarga di kelurahan."),
    ("KK_JAMBAN_SEHAT", "KK dengan akses jamban sehat", "kleopatra", "KK", "LAST",
     "Kepala keluarga yang memiliki akses jamban sehat (pilar 1 STBM: Stop BABS)."),
    ("JKN_PESERTA", "Penduduk terdaftar JKN", "kleopatra", "orang", "LAST",
     "Penduduk kelurahan yang terdaftar sebagai peserta JKN pada akhir bulan."),
]

PERMENKES_SPM = "Permenkes 6/2024 tentang Standar Teknis Pemenuhan SPM Kesehatan"
# (code, name, programs, numerator, denominator, factor, unit, window, target, higher_is_better,
#  min_denominator, spm_service, is_sensitive, source, definition)
INDICATORS = [
    ("SPM_01_BUMIL", "Ibu hamil mendapat pelayanan antenatal sesuai standar (K6)", ["spm", "permaisuri"],
     "BUMIL_K6", "pop.bumil", 100, "%", "YTD", 100, True, 1, 1, False, f"{PERMENKES_SPM} (SPM 1); juknis ILP",
     "Ibu hamil dengan ≥6 kunjungan ANC (≥2 oleh dokter termasuk USG) tahun berjalan dibagi sasaran ibu hamil tahun ini."),
    ("SPM_02_BULIN", "Ibu bersalin mendapat pelayanan persalinan sesuai standar", ["spm", "permaisuri"],
     "BULIN_FASYANKES", "pop.bulin", 100, "%", "YTD", 100, True, 1, 2, False, f"{PERMENKES_SPM} (SPM 2)",
     "Persalinan di fasyankes oleh tim tenaga kesehatan tahun berjalan dibagi sasaran ibu bersalin tahun ini."),
    ("SPM_03_BBL", "Bayi baru lahir mendapat pelayanan sesuai standar (KN lengkap)", ["spm", "krisnna"],
     "KN_LENGKAP", "pop.lahir_hidup", 100, "%", "YTD", 100, True, 1, 3, False, f"{PERMENKES_SPM} (SPM 3)",
     "Bayi dengan KN1–KN3 lengkap tahun berjalan dibagi sasaran bayi baru lahir tahun ini."),
    ("SPM_04_BALITA", "Balita mendapat pelayanan kesehatan sesuai standar", ["spm", "ilp"],
     "BALITA_SPM", "pop.balita", 100, "%", "YTD", 100, True, 1, 4, False, f"{PERMENKES_SPM} (SPM 4)",
     "Balita yang mendapat pelayanan sesuai standar tahun berjalan dibagi sasaran balita tahun ini."),
    ("SPM_05_DIKDAS", "Anak usia pendidikan dasar mendapat skrining kesehatan sesuai standar", ["spm", "ilp"],
     "SKRINING_DIKDAS", "pop.usia_dikdas", 100, "%", "YTD", 100, True, 1, 5, False, f"{PERMENKES_SPM} (SPM 5)",
     "Anak usia pendidikan dasar yang diskrining tahun berjalan dibagi sasaran anak usia pendidikan dasar."),
    ("SPM_06_PRODUKTIF", "Warga usia 15–59 tahun mendapat skrining kesehatan sesuai standar", ["spm", "ilp"],
     "SKRINING_PRODUKTIF", "pop.usia_produktif", 100, "%", "YTD", 100, True, 1, 6, False,
     f"{PERMENKES_SPM} (SPM 6)", "Warga 15–59 tahun yang diskrining tahun berjalan dibagi sasaran usia produktif."),
    ("SPM_07_LANSIA", "Warga usia 60 tahun ke atas mendapat skrining kesehatan sesuai standar", ["spm", "ilp"],
     "SKRINING_LANSIA", "pop.lansia", 100, "%", "YTD", 100, True, 1, 7, False, f"{PERMENKES_SPM} (SPM 7)",
     "Warga 60+ tahun yang diskrining tahun berjalan dibagi sasaran lansia."),
    ("SPM_08_HIPERTENSI", "Penderita hipertensi mendapat pelayanan kesehatan sesuai standar", ["spm", "ilp"],
     "HT_DILAYANI", "pop.hipertensi", 100, "%", "YTD", 100, True, 1, 8, False, f"{PERMENKES_SPM} (SPM 8)",
     "Penderita hipertensi ≥15 tahun yang dilayani sesuai standar tahun berjalan dibagi estimasi penderita hipertensi."),
    ("SPM_09_DM", "Penderita diabetes melitus mendapat pelayanan kesehatan sesuai standar", ["spm", "ilp"],
     "DM_DILAYANI", "pop.dm", 100, "%", "YTD", 100, True, 1, 9, False, f"{PERMENKES_SPM} (SPM 9)",
     "Penderita DM ≥15 tahun yang dilayani sesuai standar tahun berjalan dibagi estimasi penderita DM."),
    ("SPM_10_ODGJ", "ODGJ berat mendapat pelayanan kesehatan jiwa sesuai standar", ["spm", "ilp"],
     "ODGJ_DILAYANI", "pop.odgj_berat", 100, "%", "YTD", 100, True, 1, 10, False, f"{PERMENKES_SPM} (SPM 10)",
     "ODGJ berat yang dilayani sesuai standar tahun berjalan dibagi proyeksi ODGJ berat."),
    ("SPM_11_TBC", "Orang terduga TBC mendapat pelayanan sesuai standar", ["spm", "kleopatra"],
     "TB_TERDUGA_DILAYANI", "TB_TERDUGA", 100, "%", "YTD", 100, True, 1, 11, False, f"{PERMENKES_SPM} (SPM 11)",
     "Terduga TBC yang mendapat pemeriksaan penunjang sesuai standar dibagi seluruh terduga TBC, tahun berjalan."),
    ("SPM_12_HIV", "Orang berisiko terinfeksi HIV mendapat pemeriksaan HIV sesuai standar", ["spm", "ilp"],
     "HIV_DITES", "HIV_BERISIKO", 100, "%", "YTD", 100, True, 1, 12, False, f"{PERMENKES_SPM} (SPM 12)",
     "Orang berisiko yang dites HIV dibagi orang berisiko terinfeksi HIV yang dijangkau, tahun berjalan."),
    ("K1", "Cakupan kunjungan antenatal pertama (K1)", ["permaisuri"],
     "BUMIL_K1", "pop.bumil", 100, "%", "YTD", 100, True, 1, None, False, "Juknis ILP: ANC terpadu",
     "Ibu hamil dengan kontak ANC pertama tahun berjalan dibagi sasaran ibu hamil tahun ini."),
    ("KF_LENGKAP", "Cakupan kunjungan nifas lengkap (KF lengkap)", ["permaisuri"],
     "NIFAS_KF_LENGKAP", "pop.bulin", 100, "%", "YTD", 100, True, 1, None, False, "Juknis ILP: pelayanan nifas",
     "Ibu nifas dengan KF1–KF4 lengkap tahun berjalan dibagi sasaran ibu bersalin tahun ini."),
    ("RISTI_DITANGANI", "Ibu hamil risiko tinggi/komplikasi yang ditangani", ["permaisuri"],
     "BUMIL_RISTI_DITANGANI", "BUMIL_RISTI", 100, "%", "YTD", 100, True, 5, None, False,
     "Juknis ILP; program PERMAISURI",
     "Ibu hamil risiko tinggi/komplikasi yang ditangani dibagi yang ditemukan, tahun berjalan."),
    ("KEMATIAN_IBU", "Jumlah kematian ibu", ["permaisuri"],
     "KEMATIAN_IBU", "", 1, "orang", "YTD", 0, False, 1, None, True, "Laporan kematian ibu Dinkes Kota Semarang",
     "Jumlah ibu yang meninggal saat hamil, bersalin atau nifas, tahun berjalan."),
    ("KN1", "Cakupan kunjungan neonatal pertama (KN1)", ["krisnna"],
     "KN1", "pop.lahir_hidup", 100, "%", "YTD", 100, True, 1, None, False, "Juknis ILP: pelayanan neonatal",
     "Bayi baru lahir dengan KN1 tahun berjalan dibagi sasaran bayi baru lahir tahun ini."),
    ("BBLR", "Persentase bayi berat lahir rendah (BBLR)", ["krisnna"],
     "BBLR", "LAHIR_HIDUP", 100, "%", "YTD", None, False, 10, None, False,
     "Definisi WHO (berat lahir < 2.500 g); program KRISNNA",
     "Bayi lahir dengan berat < 2.500 g dibagi bayi lahir hidup, tahun berjalan."),
    ("KEMATIAN_BAYI", "Jumlah kematian bayi", ["krisnna"],
     "KEMATIAN_BAYI", "", 1, "bayi", "YTD", 0, False, 1, None, True, "Laporan kematian bayi Dinkes Kota Semarang",
     "Jumlah bayi 0–11 bulan yang meninggal, tahun berjalan."),
    ("AKB", "Angka kematian bayi per 1.000 kelahiran hidup", ["krisnna"],
     "KEMATIAN_BAYI", "LAHIR_HIDUP", 1000, "‰", "ROLLING_12", None, False, 50, None, False,
     "Profil Kesehatan: AKB per 1.000 KH",
     "Kematian bayi dibagi bayi lahir hidup × 1.000, 12 bulan terakhir."),
    ("IDL", "Bayi mendapat imunisasi dasar lengkap", ["ilp"],
     "IDL", "pop.bayi", 100, "%", "YTD", 80, True, 1, None, False,
     "Tatanan KKS 1: bayi 0–11 bulan imunisasi lengkap ≥80%",
     "Bayi yang melengkapi imunisasi dasar tahun berjalan dibagi sasaran bayi tahun ini."),
    ("BADUTA_LENGKAP", "Baduta mendapat imunisasi lanjutan lengkap", ["ilp"],
     "BADUTA_LENGKAP", "pop.baduta", 100, "%", "YTD", None, True, 1, None, False, "Juknis ILP: imunisasi rutin",
     "Baduta yang melengkapi imunisasi lanjutan tahun berjalan dibagi sasaran baduta tahun ini."),
    ("POSYANDU_AKTIF", "Posyandu ILP aktif", ["ilp"],
     "POSYANDU_AKTIF", "POSYANDU_TOTAL", 100, "%", "MONTH", None, True, 1, None, False, "Juknis ILP: posyandu",
     "Posyandu yang buka dan melayani semua siklus hidup dibagi seluruh posyandu, pada bulan itu."),
    ("DS", "Balita ditimbang (D/S)", ["kleopatra", "ilp"],
     "BALITA_D", "pop.balita", 100, "%", "MONTH", None, True, 1, None, False, "Dashboard ILP klaster 2 (S, D, T)",
     "Balita ditimbang bulan itu dibagi sasaran balita."),
    ("STUNTING", "Prevalensi balita stunting (TB/U < −2 SD)", ["kleopatra"],
     "STUNTING", "BALITA_DIUKUR", 100, "%", "MONTH", None, False, 10, None, False,
     "Permenkes 2/2020 Standar Antropometri Anak",
     "Balita pendek dan sangat pendek dibagi balita yang diukur panjang/tinggi badannya, bulan itu."),
    ("WASTING", "Prevalensi balita wasting (BB/TB < −2 SD)", ["kleopatra"],
     "WASTING", "BALITA_DIUKUR", 100, "%", "MONTH", None, False, 10, None, False,
     "Permenkes 2/2020 Standar Antropometri Anak",
     "Balita gizi kurang dan gizi buruk dibagi balita yang diukur, bulan itu."),
    ("UNDERWEIGHT", "Prevalensi balita berat badan kurang (BB/U < −2 SD)", ["kleopatra"],
     "UNDERWEIGHT", "BALITA_D", 100, "%", "MONTH", None, False, 10, None, False,
     "Permenkes 2/2020 Standar Antropometri Anak",
     "Balita berat badan kurang dan sangat kurang dibagi balita ditimbang, bulan itu."),
    ("GIZI_BURUK", "Jumlah balita gizi buruk (BB/TB < −3 SD)", ["kleopatra"],
     "GIZI_BURUK", "", 1, "anak", "MONTH", 0, False, 1, None, False, "Permenkes 2/2020 Standar Antropometri Anak",
     "Balita dengan berat menurut panjang/tinggi < −3 SD, bulan itu."),
    ("TBC_KASUS", "Jumlah kasus TBC ditemukan", ["kleopatra"],
     "TB_KASUS", "", 1, "orang", "YTD", None, False, 1, None, True, "Perpres 67/2021 Penanggulangan TBC",
     "Kasus TBC semua tipe yang terdiagnosis, tahun berjalan."),
    ("TBC_TSR", "Angka keberhasilan pengobatan TBC (TSR)", ["kleopatra"],
     "TB_SEMBUH_LENGKAP", "TB_KOHORT_DIEVALUASI", 100, "%", "YTD", 90, True, 5, None, False,
     "Perpres 67/2021: target keberhasilan pengobatan ≥90%",
     "Pasien sembuh atau pengobatan lengkap dibagi seluruh pasien kohort yang dievaluasi, tahun berjalan."),
    ("JAMBAN_SEHAT", "KK dengan akses jamban sehat", ["kleopatra"],
     "KK_JAMBAN_SEHAT", "KK_TOTAL", 100, "%", "MONTH", 100, True, 1, None, False,
     "Permenkes 3/2014 STBM (pilar 1 Stop BABS)", "KK dengan akses jamban sehat dibagi seluruh KK, bulan itu."),
    ("JKN", "Cakupan kepesertaan JKN", ["kleopatra"],
     "JKN_PESERTA", "pop.penduduk", 100, "%", "MONTH", 98, True, 1, None, False,
     "RPJMN: cakupan kepesertaan JKN ≥98% (UHC)", "Penduduk terdaftar JKN dibagi jumlah penduduk, bulan itu."),
]


def load_catalogue(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    DataElement = apps.get_model("programs", "DataElement")
    Indicator = apps.get_model("programs", "Indicator")
    programs = {}
    for code, name, order, description, objective in PROGRAMS:
        programs[code] = Program.objects.create(
            code=code, name=name, order=order, description=description, objective=objective
        )
    for order, (code, name, program, unit, aggregation, definition) in enumerate(DATA_ELEMENTS):
        DataElement.objects.create(
            code=code, name=name, program=programs[program], unit=unit, aggregation=aggregation,
            description=definition, order=order,
        )
    for order, row in enumerate(INDICATORS):
        (code, name, program_codes, numerator, denominator, factor, unit, window, target, higher_is_better,
         min_denominator, spm_service, is_sensitive, source, definition) = row
        indicator = Indicator.objects.create(
            code=code, name=name, numerator=numerator, denominator=denominator, factor=factor, unit=unit,
            window=window, target=target, higher_is_better=higher_is_better, min_denominator=min_denominator,
            spm_service=spm_service, is_sensitive=is_sensitive, source=source, definition=definition, order=order,
        )
        indicator.programs.set([programs[c] for c in program_codes])


def unload_catalogue(apps, schema_editor):
    for model in ("Indicator", "DataElement", "Program"):
        apps.get_model("programs", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, unload_catalogue)]
