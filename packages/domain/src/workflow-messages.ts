import { localized } from "./format";
import type { Locale, LocalizedText } from "./types";
import type { FormLock, SubmissionAction, TransitionRefusal } from "./workflow";

/**
 * Sentences for refused workflow actions and read-only forms, shown to the person as they are:
 * each says what happened and, where there is one, the way forward.
 */

/** What the action does, as the object of "cannot …" / "不能……". */
const ACTION: Record<SubmissionAction, LocalizedText> = {
  save: { zh: "保存该季度数据", en: "save this quarter's figures" },
  submit: { zh: "提交该季度数据", en: "submit this quarter's figures" },
  approve: { zh: "审核通过该季度数据", en: "approve this quarter's figures" },
  return: { zh: "退回该季度数据", en: "return this quarter's figures" },
  revise: { zh: "对该季度数据发起修订", en: "reopen this quarter's figures for revision" },
};

function roleMessage(action: SubmissionAction): LocalizedText {
  const { zh, en } = ACTION[action];
  if (action === "approve" || action === "return") {
    return { zh: `只有审核人员或管理员才能${zh}。`, en: `Only a reviewer or an administrator can ${en}.` };
  }
  return {
    zh: `只有本示范区的填报人员或管理员才能${zh}。`,
    en: `Only the zone's officials or an administrator can ${en}.`,
  };
}

function alreadySubmittedMessage(action: SubmissionAction): LocalizedText {
  if (action === "save") {
    return {
      zh: "该季度数据已提交，正在等待审核，不能再修改；如需修改，请审核人员先退回。",
      en: "This submission is awaiting review; it cannot be changed unless a reviewer returns it.",
    };
  }
  if (action === "submit") {
    return {
      zh: "该季度数据已提交，正在等待审核，不能重复提交。",
      en: "This submission has already been submitted and is awaiting review; it cannot be submitted again.",
    };
  }
  const { zh, en } = ACTION[action];
  return {
    zh: `该季度数据已提交，正在等待审核，不能${zh}。`,
    en: `This submission is awaiting review; you cannot ${en}.`,
  };
}

function alreadyApprovedMessage(action: SubmissionAction): LocalizedText {
  switch (action) {
    case "save":
      return {
        zh: "该季度数据已审核通过，不能直接修改；如需更正，请发起修订并说明原因。",
        en: "This submission is already approved; it cannot be changed directly. To correct it, start a revision and give the reason.",
      };
    case "submit":
      return {
        zh: "该季度数据已审核通过，不能再提交。",
        en: "This submission is already approved; it cannot be submitted again.",
      };
    case "approve":
      return {
        zh: "该季度数据已审核通过，不能重复审核。",
        en: "This submission is already approved; it cannot be approved again.",
      };
    case "return":
      return {
        zh: "该季度数据已审核通过，不能退回；如需更正，请由填报人员发起修订。",
        en: "This submission is already approved; it cannot be returned. To correct it, the zone's officials can start a revision.",
      };
    case "revise":
      return {
        zh: "该季度数据已审核通过，不能对该季度数据发起修订。",
        en: "This submission is already approved; you cannot reopen this quarter's figures for revision.",
      };
  }
}

/** What happened, in both languages (`describeRefusal` picks one). */
export function refusalText(refusal: TransitionRefusal, action: SubmissionAction): LocalizedText {
  const { zh, en } = ACTION[action];
  switch (refusal) {
    case "role":
      return roleMessage(action);
    case "not-your-zone":
      return {
        zh: `您不是该示范区的填报人员，不能${zh}。`,
        en: `You are not an official of this zone, so you cannot ${en}.`,
      };
    case "period-not-open":
      return {
        zh: `该季度的填报期尚未开始，暂时不能${zh}。`,
        en: `The reporting period for this quarter has not opened yet, so you cannot ${en}.`,
      };
    case "period-closed":
      return {
        zh: `该季度的填报期已截止，不能再${zh}；如需补报，请联系管理员重新开放填报期。`,
        en: `The reporting period for this quarter has closed, so you can no longer ${en}; ask an administrator to reopen it.`,
      };
    case "already-submitted":
      return alreadySubmittedMessage(action);
    case "already-approved":
      return alreadyApprovedMessage(action);
    case "not-submitted":
      return {
        zh: `该季度数据尚未提交，不能${zh}。`,
        en: `This submission has not been submitted yet, so you cannot ${en}.`,
      };
    case "not-approved":
      return {
        zh: "该季度数据尚未审核通过，不需要发起修订；只有已审核通过的数据才需通过修订来更正。",
        en: "This submission is not approved yet, so there is nothing to revise; only approved figures are reopened for revision.",
      };
    case "nothing-entered":
      return {
        zh: "该季度尚未填报任何数据，不能提交。",
        en: "Nothing has been entered for this quarter yet, so there is nothing to submit.",
      };
  }
}

/** What happened, in the UI language, e.g. "该季度数据已审核通过，不能再提交。" */
export function describeRefusal(
  refusal: TransitionRefusal,
  action: SubmissionAction,
  locale: Locale,
): string {
  return localized(refusalText(refusal, action), locale);
}

const FORM_LOCK: Record<Exclude<FormLock, null>, LocalizedText> = {
  approved: {
    zh: "该季度数据已审核通过，不能直接修改；如需更正，请发起修订。",
    en: "These figures are approved and cannot be changed directly. To correct them, start a revision.",
  },
  submitted: {
    zh: "该季度数据已提交，正在等待审核，暂不能修改。",
    en: "These figures have been submitted and are awaiting review, so they cannot be changed now.",
  },
  "period-closed": {
    zh: "该季度的填报期已截止，不能再修改数据。",
    en: "The reporting period for this quarter has closed; the figures can no longer be changed.",
  },
  "period-not-open": {
    zh: "该季度的填报期尚未开始，暂不能填报。",
    en: "The reporting period for this quarter has not opened yet; figures cannot be entered now.",
  },
  "read-only-role": {
    zh: "您只能查看该示范区的数据，不能填报或修改。",
    en: "You can view this zone's figures but not enter or change them.",
  },
};

/** Why the form is read-only, in the UI language. */
export function describeFormLock(lock: Exclude<FormLock, null>, locale: Locale): string {
  return localized(FORM_LOCK[lock], locale);
}
