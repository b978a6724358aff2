-- The role is an AccountRole stored by name, like every other status in the mesh.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
UPDATE app_user SET role = upper(role);
ALTER TABLE app_user ALTER COLUMN role SET DEFAULT 'CUSTOMER';
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('CUSTOMER', 'ADMIN'));
