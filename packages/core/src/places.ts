/**
 * Places in Đồng Nai used by profiles, listings and filters.
 * Since 2025-07-01 local government has two levels (province → commune/ward), so there is no district field.
 * The list is a curated subset for the platform, not an official registry.
 */
export const communes = [
  { id: "p-tran-bien", name: "Phường Trấn Biên" },
  { id: "p-bien-hoa", name: "Phường Biên Hòa" },
  { id: "p-tam-hiep", name: "Phường Tam Hiệp" },
  { id: "p-long-binh", name: "Phường Long Bình" },
  { id: "p-trang-dai", name: "Phường Trảng Dài" },
  { id: "p-ho-nai", name: "Phường Hố Nai" },
  { id: "p-long-hung", name: "Phường Long Hưng" },
  { id: "p-tam-phuoc", name: "Phường Tam Phước" },
  { id: "p-phuoc-tan", name: "Phường Phước Tân" },
  { id: "p-long-khanh", name: "Phường Long Khánh" },
  { id: "p-binh-loc", name: "Phường Bình Lộc" },
  { id: "x-long-thanh", name: "Xã Long Thành" },
  { id: "x-an-phuoc", name: "Xã An Phước" },
  { id: "x-binh-an", name: "Xã Bình An" },
  { id: "x-nhon-trach", name: "Xã Nhơn Trạch" },
  { id: "x-dai-phuoc", name: "Xã Đại Phước" },
  { id: "x-phuoc-an", name: "Xã Phước An" },
  { id: "x-trang-bom", name: "Xã Trảng Bom" },
  { id: "x-bau-ham", name: "Xã Bàu Hàm" },
  { id: "x-dau-giay", name: "Xã Dầu Giây" },
  { id: "x-xuan-loc", name: "Xã Xuân Lộc" },
  { id: "x-dinh-quan", name: "Xã Định Quán" },
] as const;

export type CommuneId = (typeof communes)[number]["id"];
export const communeIds = communes.map((c) => c.id) as [CommuneId, ...CommuneId[]];

/** Industrial parks in Đồng Nai where the demo enterprises sit. */
export const industrialParks = [
  { id: "amata", name: "KCN Amata", communeId: "p-long-binh" },
  { id: "bien-hoa-2", name: "KCN Biên Hòa 2", communeId: "p-long-binh" },
  { id: "loteco", name: "KCN Loteco", communeId: "p-long-binh" },
  { id: "tam-phuoc", name: "KCN Tam Phước", communeId: "p-tam-phuoc" },
  { id: "long-thanh", name: "KCN Long Thành", communeId: "x-long-thanh" },
  { id: "an-phuoc", name: "KCN An Phước", communeId: "x-an-phuoc" },
  { id: "long-duc", name: "KCN Long Đức", communeId: "x-long-thanh" },
  { id: "nhon-trach-1", name: "KCN Nhơn Trạch 1", communeId: "x-nhon-trach" },
  { id: "nhon-trach-3", name: "KCN Nhơn Trạch 3", communeId: "x-nhon-trach" },
  { id: "nhon-trach-6", name: "KCN Nhơn Trạch 6", communeId: "x-dai-phuoc" },
  { id: "loc-an-binh-son", name: "KCN Lộc An – Bình Sơn", communeId: "x-binh-an" },
  { id: "song-may", name: "KCN Sông Mây", communeId: "x-trang-bom" },
  { id: "bau-xeo", name: "KCN Bàu Xéo", communeId: "x-trang-bom" },
  { id: "dau-giay", name: "KCN Dầu Giây", communeId: "x-dau-giay" },
] as const satisfies ReadonlyArray<{ id: string; name: string; communeId: CommuneId }>;

export type IndustrialParkId = (typeof industrialParks)[number]["id"];
export const industrialParkIds = industrialParks.map((p) => p.id) as [IndustrialParkId, ...IndustrialParkId[]];
