CREATE INDEX "power_items_name_trgm" ON "power_items" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "power_items_code_trgm" ON "power_items" USING gin ("code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "power_items_setting_basis_trgm" ON "power_items" USING gin ("setting_basis" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "staff_members_name_trgm" ON "staff_members" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "staff_members_title_trgm" ON "staff_members" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "staff_members_mobile_trgm" ON "staff_members" USING gin ("mobile" gin_trgm_ops);