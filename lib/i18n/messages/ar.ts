import type { Messages } from "./en";

/**
 * The reader's chrome in Arabic (written right to left). Plurals use Arabic's six categories (zero, one, two, few,
 * many, other), which Intl.PluralRules("ar") picks.
 */
export const ar: Messages = {
  skipToContent: "انتقل إلى المحتوى",
  frontPage: {
    title: "أحدث عمليات التحقق من الحقائق",
    searchLabel: "ابحث في عمليات التحقق",
    searchButton: "بحث",
    matches: {
      zero: "لا توجد عملية تحقق تطابق «{q}».",
      one: "عملية تحقق واحدة تطابق «{q}».",
      two: "عمليتا تحقق تطابقان «{q}».",
      few: "{count} عمليات تحقق تطابق «{q}».",
      many: "{count} عملية تحقق تطابق «{q}».",
      other: "{count} عملية تحقق تطابق «{q}».",
    },
    showAll: "عرض كل عمليات التحقق",
    noMatch: "لا توجد عملية تحقق منشورة تطابق هذا البحث.",
    noChecks: "لم تُنشر أي عملية تحقق بعد.",
  },
  checkList: {
    published: "نُشر في {date}",
    corrected: "مُصحَّح · الإصدار {number}",
    claims: {
      zero: "لا ادعاءات:",
      one: "ادعاء واحد:",
      two: "ادعاءان:",
      few: "{count} ادعاءات:",
      many: "{count} ادعاءً:",
      other: "{count} ادعاء:",
    },
    supported: "{count} مؤكَّد",
    partly_supported: "{count} مؤكَّد جزئيًا",
    unsupported: "{count} غير مؤكَّد",
    quotes: "يقتبس من",
    listSeparator: "، ",
    pages: "الصفحات",
    newer: "→ عمليات تحقق أحدث",
    older: "عمليات تحقق أقدم ←",
    pageOf: "الصفحة {page} من {pages}",
  },
  outletPage: {
    title: "عمليات التحقق التي تقتبس من {outlet}",
    intro: {
      zero: "لا توجد عملية تحقق منشورة تقتبس من {outlet}.",
      one: "عملية تحقق منشورة واحدة تقتبس من {outlet}، الأحدث أولًا.",
      two: "عمليتا تحقق منشورتان تقتبسان من {outlet}، الأحدث أولًا.",
      few: "{count} عمليات تحقق منشورة تقتبس من {outlet}، الأحدث أولًا.",
      many: "{count} عملية تحقق منشورة تقتبس من {outlet}، الأحدث أولًا.",
      other: "{count} عملية تحقق منشورة تقتبس من {outlet}، الأحدث أولًا.",
    },
  },
};
