// Keypoint layouts for COCO categories: names and 1-based skeleton edges.

export interface KeypointLayout {
  name: string;
  keypoints: string[];
  skeleton: [number, number][]; // 1-based indices into keypoints (COCO convention)
}

/** COCO 2017 person keypoints (17) and their published skeleton (Lin et al. 2014, cocodataset.org). */
export const COCO_PERSON_17: KeypointLayout = {
  name: 'person',
  keypoints: ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'],
  skeleton: [[16, 14], [14, 12], [17, 15], [15, 13], [12, 13], [6, 12], [7, 13], [6, 7], [6, 8], [7, 9], [8, 10], [9, 11], [2, 3], [1, 2], [1, 3], [2, 4], [3, 5], [4, 6], [5, 7]],
};

const DIGITS = ['thumb', 'index', 'middle', 'ring', 'little'] as const;
const JOINTS = [['cmc', 'mcp', 'ip', 'tip'], ['mcp', 'pip', 'dip', 'tip']] as const;

/** The common 21-keypoint hand (REFERENCE.md §5): wrist, then 4 points per digit, thumb to little, base to tip. */
export const HAND_21: KeypointLayout = {
  name: 'hand',
  keypoints: ['wrist', ...DIGITS.flatMap((d, k) => JOINTS[k === 0 ? 0 : 1].map((j) => `${d}_${j}`))],
  skeleton: DIGITS.flatMap((_, k) => {
    const base = 2 + 4 * k; // 1-based index of the digit's first point
    return [[1, base], [base, base + 1], [base + 1, base + 2], [base + 2, base + 3]] as [number, number][];
  }),
};
