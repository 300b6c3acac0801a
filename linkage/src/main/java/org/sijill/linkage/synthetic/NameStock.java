package org.sijill.linkage.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Common Arabic given names and family names with the Latin spellings lists use (most common
 * first). Synthetic people combine these tokens at random; no entry describes a real person. Family
 * names carry the article where Arabic usage has it, so renderings can drop or keep it.
 */
final class NameStock {
  private NameStock() {}

  /** One name: Arabic script and Latin spellings. */
  record Name(String arabic, List<String> latin) {}

  static final List<Name> MALE =
      parse(
          "محمد|Mohammed,Muhammad,Mohamad,Mohamed,Mohammad",
          "أحمد|Ahmad,Ahmed",
          "علي|Ali,Aly",
          "حسن|Hassan,Hasan",
          "حسين|Hussein,Hussain,Husein",
          "محمود|Mahmoud,Mahmud,Mahmood",
          "خالد|Khaled,Khalid",
          "عمر|Omar,Umar",
          "يوسف|Youssef,Yousef,Yusuf,Yousif",
          "إبراهيم|Ibrahim,Ebrahim,Ibraheem",
          "مصطفى|Mustafa,Moustafa,Mostafa",
          "عبد الله|Abdullah,Abdallah,Abd Allah",
          "عبد الرحمن|Abdul Rahman,Abdulrahman,Abd al-Rahman,Abdelrahman",
          "عبد الكريم|Abdul Karim,Abdulkarim,Abd al-Karim",
          "سامر|Samer",
          "سمير|Samir,Sameer",
          "وائل|Wael,Wa'el",
          "باسل|Basel,Basil",
          "غسان|Ghassan,Ghasan",
          "رامي|Rami,Ramy",
          "فادي|Fadi,Fady",
          "ماهر|Maher,Mahir",
          "عماد|Imad,Emad",
          "زياد|Ziad,Ziyad",
          "نزار|Nizar,Nezar",
          "جمال|Jamal,Gamal",
          "كمال|Kamal",
          "هيثم|Haitham,Haytham",
          "أيمن|Ayman,Aiman",
          "يحيى|Yahya,Yehia",
          "موسى|Mousa,Musa,Moussa",
          "عيسى|Issa,Eissa",
          "سليمان|Suleiman,Sulaiman,Soleiman",
          "صالح|Saleh,Salih",
          "طارق|Tareq,Tarek,Tariq",
          "ياسر|Yasser,Yaser",
          "أنس|Anas",
          "بشار|Bashar",
          "حازم|Hazem,Hazim",
          "رضوان|Radwan,Ridwan",
          "سعيد|Saeed,Said,Sa'id",
          "شادي|Shadi,Chadi",
          "عدنان|Adnan",
          "فراس|Firas,Feras",
          "قاسم|Qasem,Kassem,Qassim",
          "مازن|Mazen,Mazin",
          "نبيل|Nabil,Nabeel",
          "هاني|Hani,Hany",
          "وليد|Walid,Waleed",
          "جعفر|Jaafar,Ja'far,Jafar",
          "حيدر|Haidar,Haydar",
          "علاء|Alaa,Ala'a",
          "منذر|Munther,Monther,Munzer",
          "أسامة|Osama,Usama,Oussama",
          "إياد|Iyad,Eyad",
          "عمار|Ammar",
          "مهند|Muhannad,Mohannad",
          "نادر|Nader,Nadir",
          "ربيع|Rabie,Rabih,Rabi'",
          "بلال|Bilal,Belal");

  static final List<Name> FEMALE =
      parse(
          "فاطمة|Fatima,Fatma,Fatmeh,Fatimah",
          "زينب|Zainab,Zeinab,Zaynab",
          "مريم|Maryam,Mariam",
          "عائشة|Aisha,Aysha,Aicha",
          "خديجة|Khadija,Khadijeh,Khadijah",
          "نور|Nour,Noor,Nur",
          "رنا|Rana",
          "سلمى|Salma,Selma",
          "هدى|Huda,Hoda",
          "ليلى|Layla,Leila,Laila",
          "رهف|Rahaf",
          "سارة|Sara,Sarah",
          "هبة|Hiba,Heba",
          "آية|Aya,Ayah",
          "دعاء|Duaa,Doaa",
          "أمل|Amal",
          "سعاد|Suad,Souad",
          "نادية|Nadia,Nadya",
          "رغد|Raghad",
          "ريم|Reem,Rim",
          "لمى|Lama",
          "جنى|Jana",
          "شهد|Shahd",
          "منى|Mona,Muna",
          "وفاء|Wafaa,Wafa",
          "سمر|Samar",
          "غادة|Ghada",
          "حنان|Hanan",
          "رشا|Rasha",
          "ديما|Dima",
          "يارا|Yara",
          "إيمان|Iman,Eman",
          "أسماء|Asma,Asmaa",
          "رزان|Razan",
          "بتول|Batoul,Batool");

  static final List<Name> FAMILY =
      parse(
          "الحسن|al-Hasan,Alhasan,Al Hassan",
          "العلي|al-Ali,Alali,Al Ali",
          "الأحمد|al-Ahmad,Alahmad,Al-Ahmed",
          "الخطيب|al-Khatib,Alkhatib,Khatib",
          "الحلبي|al-Halabi,Halabi",
          "الشامي|al-Shami,Ash-Shami,Shami",
          "المصري|al-Masri,Masri,El Masri",
          "حداد|Haddad,Hadad",
          "نجار|Najjar,Najar",
          "الزعبي|al-Zoubi,Alzoubi,Al-Zu'bi",
          "العمر|al-Omar,Alomar",
          "الحسين|al-Hussein,Alhussein",
          "الخليل|al-Khalil,Khalil",
          "الصالح|al-Saleh,Alsaleh,Assaleh",
          "الأسعد|al-Asaad,Alasaad,Al-As'ad",
          "حمود|Hammoud,Hamoud",
          "درويش|Darwish,Darweesh",
          "الديب|al-Deeb,Aldeeb,Al-Dib",
          "سلوم|Salloum,Saloum",
          "شاهين|Shaheen,Shahin,Chahine",
          "جابر|Jaber,Jabir",
          "ناصر|Nasser,Naser",
          "عثمان|Othman,Uthman,Osman",
          "الرفاعي|al-Rifai,Alrifai,Al-Refai",
          "الجاسم|al-Jassem,Aljasem",
          "الحمود|al-Hamoud,Alhamoud",
          "الموسى|al-Mousa,Almousa",
          "الشيخ|al-Sheikh,Alsheikh,Sheikh",
          "زيدان|Zidan,Zeidan",
          "عباس|Abbas",
          "ديوب|Dayoub,Dayyoub",
          "بركات|Barakat",
          "طه|Taha",
          "حسون|Hassoun,Hasson",
          "خضور|Khaddour,Khadour",
          "إسماعيل|Ismail,Ismael,Isma'il",
          "ميهوب|Mayhoub",
          "سلامة|Salameh,Salama",
          "عيد|Eid",
          "غانم|Ghanem,Ghanim",
          "منصور|Mansour,Mansur",
          "علوش|Alloush,Aloush",
          "يونس|Younes,Yunus,Younis",
          "سعود|Saoud,Soud",
          "الأطرش|al-Atrash,Alatrash",
          "قبلان|Qablan,Kablan",
          "معروف|Maarouf,Ma'ruf",
          "حيدر|Haidar,Haydar",
          "الكردي|al-Kurdi,Kurdi",
          "التركماني|al-Turkmani,Turkmani",
          "العباس|al-Abbas,Alabbas",
          "الدرويش|al-Darwish",
          "شعبان|Shaaban,Sha'ban",
          "رمضان|Ramadan,Ramadhan",
          "عساف|Assaf,Asaf",
          "نصر|Nasr,Nassr",
          "الضاهر|al-Daher,Aldaher,Dahir",
          "عمران|Omran,Imran",
          "ملحم|Melhem,Mulhim",
          "صقر|Saqr,Sakr,Saker");

  /** Towns whose nisba (الحمصي, al-Homsi) serves as a family name. */
  private static final List<Name> NISBA =
      parse(
          "الحمصي|al-Homsi,Homsi,Al Homsi",
          "الحموي|al-Hamawi,Hamwi,al-Hamwi",
          "الإدلبي|al-Idlibi,Idlibi",
          "الدمشقي|al-Dimashqi,Dimashki",
          "الطرطوسي|al-Tartousi,Tartousi",
          "اللاذقاني|al-Ladhqani,Lathqani",
          "البانياسي|al-Baniyasi,Banyasi",
          "الجبلاوي|al-Jablawi,Jablawi",
          "الرقاوي|al-Raqqawi,Rakkawi",
          "الديري|al-Deiri,Deiri",
          "الحوراني|al-Hourani,Hourani,Horani",
          "العكاوي|al-Akkawi,Akkawi",
          "الصفدي|al-Safadi,Safadi",
          "النابلسي|al-Nabulsi,Nabulsi,Naboulsi",
          "البغدادي|al-Baghdadi,Baghdadi",
          "الموصلي|al-Mousili,Mosuli",
          "الكيلاني|al-Kilani,Kaylani,Keilani",
          "الأيوبي|al-Ayoubi,Ayoubi",
          "القدسي|al-Qudsi,Kudsi",
          "الحسيني|al-Husseini,Husseini,Hoseini");

  /**
   * Family names for drawing: the stock above, town nisbas, and family names formed, as many are,
   * from a man's name with the article (العمر, al-Omar) or with Abu (أبو خليل, Abu Khalil).
   */
  static final List<Name> FAMILIES = families();

  private static List<Name> families() {
    List<Name> out = new ArrayList<>(FAMILY);
    out.addAll(NISBA);
    for (Name m : MALE) {
      if (m.arabic().contains(" ") || m.arabic().startsWith("ال")) {
        continue;
      }
      List<String> latin = new ArrayList<>();
      latin.add("al-" + m.latin().get(0));
      latin.add("Al" + m.latin().get(0).toLowerCase(java.util.Locale.ROOT));
      if (m.latin().size() > 1) {
        latin.add("al-" + m.latin().get(1));
      }
      out.add(new Name("ال" + m.arabic(), latin));
      out.add(
          new Name(
              "أبو " + m.arabic(), List.of("Abu " + m.latin().get(0), "Abou " + m.latin().get(0))));
    }
    return List.copyOf(out);
  }

  private static List<Name> parse(String... lines) {
    List<Name> out = new ArrayList<>(lines.length);
    for (String l : lines) {
      String[] p = l.split("\\|");
      out.add(new Name(p[0], Arrays.asList(p[1].split(","))));
    }
    return List.copyOf(out);
  }
}
