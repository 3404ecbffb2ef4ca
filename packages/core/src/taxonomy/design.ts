import type { SkillSeed } from "./types";

/** Interface, graphic, motion and product design. */
export const designSkills: readonly SkillSeed[] = [
  {
    id: "ui-ux",
    vi: "Thiết kế UI/UX",
    en: "UI/UX design",
    synonyms: ["ui/ux", "ui ux", "ux/ui", "ui", "ux", "thiết kế giao diện", "user interface", "user experience"],
    related: ["figma", "ux-research", "web-design"],
  },
  {
    id: "graphic-design",
    vi: "Thiết kế đồ họa",
    en: "Graphic design",
    synonyms: ["đồ họa", "graphic", "graphics", "thiết kế đồ hoạ", "canva"],
    related: ["photoshop", "illustrator", "branding"],
  },
  {
    id: "figma",
    vi: "Figma",
    en: "Figma",
    synonyms: ["adobe xd", "sketch", "prototype", "prototyping", "wireframe", "wireframing"],
  },
  { id: "photoshop", vi: "Adobe Photoshop", en: "Adobe Photoshop", synonyms: ["photoshop", "ps", "chỉnh sửa ảnh"] },
  {
    id: "illustrator",
    vi: "Adobe Illustrator",
    en: "Adobe Illustrator",
    synonyms: ["illustrator", "ai illustrator", "vector", "coreldraw", "corel"],
    related: ["photoshop"],
  },
  {
    id: "video-editing",
    vi: "Dựng video",
    en: "Video editing",
    synonyms: ["premiere", "adobe premiere", "capcut", "final cut", "davinci resolve", "edit video", "biên tập video"],
    related: ["motion-graphics"],
  },
  {
    id: "motion-graphics",
    vi: "Đồ họa chuyển động",
    en: "Motion graphics",
    synonyms: ["after effects", "motion graphic", "animation", "hoạt hình", "2d animation"],
  },
  {
    id: "3d-modeling",
    vi: "Dựng hình 3D",
    en: "3D modelling",
    synonyms: ["3d modeling", "blender", "3ds max", "maya", "mô hình 3d", "render"],
  },
  {
    id: "ux-research",
    vi: "Nghiên cứu người dùng",
    en: "UX research",
    synonyms: ["ux research", "user research", "usability testing", "phỏng vấn người dùng", "kiểm thử khả dụng"],
  },
  {
    id: "branding",
    vi: "Thiết kế nhận diện thương hiệu",
    en: "Brand identity design",
    synonyms: ["branding", "logo", "thiết kế logo", "nhận diện thương hiệu", "brand identity"],
  },
  {
    id: "web-design",
    vi: "Thiết kế web",
    en: "Web design",
    synonyms: ["web design", "wordpress", "webflow", "responsive design", "landing page"],
  },
  {
    id: "industrial-design",
    vi: "Thiết kế sản phẩm công nghiệp",
    en: "Industrial product design",
    synonyms: ["industrial design", "product design", "kiểu dáng công nghiệp", "thiết kế sản phẩm"],
    related: ["solidworks", "3d-printing"],
  },
];
