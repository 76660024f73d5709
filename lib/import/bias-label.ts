import * as z from "zod";

/** The bias labels a source can carry, from left to right (BRIEF.md). */
export const BIAS_LABELS = ["left", "leans_left", "center", "leans_right", "right", "unknown"] as const;

export const biasLabelSchema = z.enum(BIAS_LABELS);

export type BiasLabel = z.infer<typeof biasLabelSchema>;

const BY_DISPLAY_NAME: Record<string, BiasLabel> = {
  left: "left",
  "leans left": "leans_left",
  "lean left": "leans_left",
  center: "center",
  centre: "center",
  "leans right": "leans_right",
  "lean right": "leans_right",
  right: "right",
};

/**
 * Maps an aggregator's bias wording ("Leans Left", "Center") to a bias label; anything else is "unknown".
 * @example parseBiasLabel("Leans Left") // "leans_left"
 */
export function parseBiasLabel(text: string): BiasLabel {
  return BY_DISPLAY_NAME[text.trim().toLowerCase()] ?? "unknown";
}

/** The wording a reader sees for a bias label. */
export function biasLabelText(label: BiasLabel): string {
  switch (label) {
    case "left":
      return "Left";
    case "leans_left":
      return "Leans left";
    case "center":
      return "Center";
    case "leans_right":
      return "Leans right";
    case "right":
      return "Right";
    case "unknown":
      return "Bias unknown";
  }
}
