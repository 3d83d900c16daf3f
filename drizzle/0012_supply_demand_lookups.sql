-- Lookups of supply–demand connection that an office may change (Kết nối cung – cầu → Danh mục):
-- product groups with the words that recognise freely written products, units with their exact
-- conversions only (1 tấn = 1.000 kg; no estimates such as a crate of eggs), and sales channels
-- as Programme 503 (503/CTr-LMHTXVN, 2021) named them.
INSERT INTO `product_groups` (`code`, `name`, `keywords`, `sort_order`) VALUES
  ('lua_gao', 'Lúa gạo', 'gạo, lúa, thóc, nếp, st25, st24', 10),
  ('rau_cu_qua', 'Rau củ quả', 'rau, củ, cải, dưa leo, dưa chuột, bầu, bí, mướp, cà chua, cà rốt, cà tím, hành, tỏi, ớt, khoai, su hào, bắp cải, súp lơ, đậu, nấm, măng, gừng', 20),
  ('trai_cay', 'Trái cây', 'trái cây, xoài, bưởi, chanh, cam, quýt, nhãn, vải, chôm chôm, sầu riêng, mít, thanh long, chuối, ổi, mận, măng cụt, dưa lưới, dưa hấu, dứa, khóm, dừa, na, mãng cầu, hồng, lê, táo, nho, bơ sáp', 30),
  ('thuy_san', 'Thủy sản', 'thủy sản, cá, tôm, cua, ghẹ, mực, ốc, nghêu, sò, hàu, lươn, ếch, rong biển', 40),
  ('chan_nuoi_trung', 'Chăn nuôi và trứng', 'trứng, thịt, heo, lợn, bò, gà, vịt, ngan, dê, cừu, thỏ, sữa, mật ong', 50),
  ('duoc_lieu', 'Dược liệu', 'dược liệu, cà gai leo, nghệ, sâm, đinh lăng, ba kích, atiso, hà thủ ô, xạ đen, giảo cổ lam, tam thất, hoài sơn', 60),
  ('cay_cong_nghiep', 'Cà phê, chè, hồ tiêu, điều', 'cà phê, chè, trà, hồ tiêu, tiêu, điều, hạt điều, ca cao, mắc ca', 70),
  ('dac_san_che_bien', 'Đặc sản chế biến', 'đặc sản, bánh, mứt, nước mắm, mắm, đường thốt nốt, đường, khô, rượu, nem, chả, giò lụa, giò chả, tương, nông sản sơ chế, sơ chế, sấy, bột', 80),
  ('thu_cong_my_nghe', 'Thủ công mỹ nghệ', 'thủ công, mỹ nghệ, mây tre, mây, tre, giỏ, gốm, bình gốm, thổ cẩm, khăn, dệt, cói, nón lá, chiếu, sơn mài, thêu', 90),
  ('lam_san', 'Lâm sản', 'lâm sản, gỗ, keo, quế, hồi, tràm, luồng, nhựa thông', 100),
  ('khac', 'Sản phẩm khác', '', 190);
--> statement-breakpoint
INSERT INTO `units` (`code`, `name`, `aliases`, `base_code`, `per_base`, `sort_order`) VALUES
  ('tan', 'tấn', 'tan, T', NULL, 1, 10),
  ('ta', 'tạ', '', 'tan', 10, 20),
  ('yen', 'yến', '', 'tan', 100, 30),
  ('kg', 'kg', 'ki-lô-gam, kilôgam, kilogam, ký, kí, kilogram', 'tan', 1000, 40),
  ('qua', 'quả', 'trái', NULL, 1, 50),
  ('lit', 'lít', 'l, lit', NULL, 1, 60),
  ('ml', 'ml', 'mi-li-lít', 'lit', 1000, 70),
  ('hop', 'hộp', '', NULL, 1, 80),
  ('combo', 'combo', 'bộ combo', NULL, 1, 90),
  ('con', 'con', '', NULL, 1, 100),
  ('chiec', 'chiếc', 'cái', NULL, 1, 110),
  ('bo', 'bó', '', NULL, 1, 120),
  ('bao', 'bao', '', NULL, 1, 130),
  ('thung', 'thùng', '', NULL, 1, 140),
  ('goi', 'gói', '', NULL, 1, 150),
  ('chai', 'chai', '', NULL, 1, 160),
  ('m3', 'm³', 'm3, khối', NULL, 1, 170);
--> statement-breakpoint
INSERT INTO `sales_channels` (`code`, `name`, `sort_order`) VALUES
  ('cho_truyen_thong', 'Chợ truyền thống', 10),
  ('cho_dau_moi', 'Chợ đầu mối', 20),
  ('cua_hang_htx', 'Cửa hàng giới thiệu sản phẩm HTX', 30),
  ('sieu_thi', 'Siêu thị, doanh nghiệp phân phối', 40),
  ('che_bien', 'Doanh nghiệp chế biến', 50),
  ('xuat_khau', 'Doanh nghiệp xuất khẩu', 60),
  ('tmdt', 'Sàn thương mại điện tử', 70),
  ('khac', 'Kênh khác', 190);
