import * as z from "zod";

/** A person's email address as the app stores it: trimmed, lower case, well-formed, at most 320 characters. */
export const emailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "An email address has at most 320 characters.")
  .email("Enter an email address such as name@example.org.");

/** A person's display name: 1 to 100 characters after trimming. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "A name has at most 100 characters.");
