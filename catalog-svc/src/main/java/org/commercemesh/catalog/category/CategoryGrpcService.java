package org.commercemesh.catalog.category;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.catalog.v1.CreateCategoryRequest;
import org.commercemesh.catalog.v1.CreateCategoryResponse;
import org.commercemesh.catalog.v1.DeleteCategoryRequest;
import org.commercemesh.catalog.v1.DeleteCategoryResponse;
import org.commercemesh.catalog.v1.GetCategoryRequest;
import org.commercemesh.catalog.v1.GetCategoryResponse;
import org.commercemesh.catalog.v1.GetCategoryTreeRequest;
import org.commercemesh.catalog.v1.GetCategoryTreeResponse;
import org.commercemesh.catalog.v1.ListCategoriesRequest;
import org.commercemesh.catalog.v1.ListCategoriesResponse;
import org.commercemesh.catalog.v1.UpdateCategoryRequest;
import org.commercemesh.catalog.v1.UpdateCategoryResponse;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.catalog.v1.CategoryService. Reads are public; customers see active categories only. */
@GrpcService
public class CategoryGrpcService implements org.commercemesh.catalog.v1.CategoryService {

    private final CategoryService categories;
    private final Caller caller;

    public CategoryGrpcService(CategoryService categories, Caller caller) {
        this.categories = categories;
        this.caller = caller;
    }

    @Override
    @PermitAll
    public Uni<GetCategoryResponse> getCategory(GetCategoryRequest request) {
        return caller.may(Scopes.CATALOG_READ)
                .chain(admin -> categories.get(uuid("category_id", request.getCategoryId()), admin))
                .map(category -> GetCategoryResponse.newBuilder().setCategory(CategoryMapper.toProto(category))
                        .build());
    }

    @Override
    @PermitAll
    public Uni<ListCategoriesResponse> listCategories(ListCategoriesRequest request) {
        return caller.may(Scopes.CATALOG_READ).chain(admin -> {
            Violations violations = new Violations().optionalUuid("parent_id", request.getParentId());
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 1, violations);
            violations.throwIfAny();
            int offset = page.isFirstPage() ? 0 : page.intAt(0);
            UUID parent = request.getParentId().isEmpty() ? null : UUID.fromString(request.getParentId());
            return categories.children(parent, admin, offset, page.size() + 1).map(fetched -> {
                List<CatalogCategory> served = page.pageOf(fetched);
                ListCategoriesResponse.Builder response = ListCategoriesResponse.newBuilder();
                served.forEach(category -> response.addCategories(CategoryMapper.toProto(category)));
                if (page.hasMore(fetched)) {
                    response.setNextPageToken(PageRequest.tokenAfter(String.valueOf(offset + served.size())));
                }
                return response.build();
            });
        });
    }

    @Override
    @PermitAll
    public Uni<GetCategoryTreeResponse> getCategoryTree(GetCategoryTreeRequest request) {
        return caller.may(Scopes.CATALOG_READ).chain(admin -> {
            new Violations().optionalUuid("root_id", request.getRootId()).throwIfAny();
            UUID root = request.getRootId().isEmpty() ? null : UUID.fromString(request.getRootId());
            return categories.treeFromReplica().map(tree -> {
                if (root != null && !tree.contains(root)) {
                    throw new NotFoundException("category", root);
                }
                return GetCategoryTreeResponse.newBuilder().addAllRoots(tree.nodes(root, admin)).build();
            });
        });
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<CreateCategoryResponse> createCategory(CreateCategoryRequest request) {
        return Uni.createFrom().deferred(() -> categories.create(request.getCategory()))
                .map(category -> CreateCategoryResponse.newBuilder().setCategory(CategoryMapper.toProto(category))
                        .build());
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<UpdateCategoryResponse> updateCategory(UpdateCategoryRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().requireUuid("category.id", request.getCategory().getId());
            UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), CategoryRules.UPDATABLE,
                    violations);
            CategoryRules.validate(request.getCategory(), mask, violations);
            violations.throwIfAny();
            return categories.update(request.getCategory(), mask);
        }).map(category -> UpdateCategoryResponse.newBuilder().setCategory(CategoryMapper.toProto(category)).build());
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<DeleteCategoryResponse> deleteCategory(DeleteCategoryRequest request) {
        return Uni.createFrom().deferred(() -> categories.delete(uuid("category_id", request.getCategoryId())))
                .replaceWith(DeleteCategoryResponse.getDefaultInstance());
    }

    private static UUID uuid(String field, String value) {
        new Violations().requireUuid(field, value).throwIfAny();
        return UUID.fromString(value);
    }
}
