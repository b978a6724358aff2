package org.commercemesh.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commercemesh.catalog.TestCatalog;
import org.commercemesh.catalog.v1.AttributeValue;
import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.Category;
import org.commercemesh.catalog.v1.CategoryService;
import org.commercemesh.catalog.v1.CreateProductRequest;
import org.commercemesh.catalog.v1.DeleteProductRequest;
import org.commercemesh.catalog.v1.Dimensions;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.ListProductsResponse;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.ProductImage;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.ProductSort;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.catalog.v1.StringList;
import org.commercemesh.catalog.v1.UpdateProductRequest;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.Timestamps;
import com.google.type.Money;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProductCatalogTest {

    @GrpcClient("catalog")
    ProductService products;

    @GrpcClient("catalog")
    CategoryService categories;

    @Test
    void givenAFullProduct_whenAnAdminCreatesIt_thenEveryFieldComesBack() {
        Category audio = TestCatalog.category(categories, TestCatalog.unique("Audio"), "");

        Product created = TestCatalog.create(products, TestCatalog.product("Studio Monitor Headphones", 3990, 12)
                .setSalePrice(TestCatalog.thb(3490)).setBrand("Mesh").setShortDescription("Flat response")
                .putAttributes("colour", AttributeValue.newBuilder().setList(StringList.newBuilder().addValues("black")
                        .addValues("silver")).build())
                .putAttributes("connectivity", AttributeValue.newBuilder().setText("wired").build())
                .addImages(
                        ProductImage.newBuilder().setUrl("https://images.example.com/monitor.jpg").setAltText("front"))
                .addCategories(ProductCategory.newBuilder().setCategoryId(audio.getId()).setPrimary(true)));

        assertThat(created.getSlug()).isEqualTo("studio-monitor-headphones");
        assertThat(created.getEffectivePrice()).isEqualTo(TestCatalog.thb(3490));
        assertThat(created.getAttributesMap().get("colour").getList().getValuesList()).containsExactly("black",
                "silver");
        assertThat(created.getAttributesMap().get("connectivity").getText()).isEqualTo("wired");
        assertThat(created.getImages(0).getAltText()).isEqualTo("front");
        assertThat(created.getCategoriesList()).extracting(ProductCategory::getCategoryId)
                .containsExactly(audio.getId());
        assertThat(created.getAvailableQuantity()).isEqualTo(12);
        assertThat(created.getInStock()).isTrue();
        assertThat(TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN)
                .getProduct(GetProductRequest.newBuilder().setProductId(created.getId()).build()).await()
                .atMost(WAIT).getProduct()).as("what every later read answers, times included").isEqualTo(created);
    }

    @Test
    void givenEveryFieldInvalid_whenCreating_thenEveryViolationIsListed() {
        Throwable failure = catchThrowable(() -> TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN)
                .createProduct(CreateProductRequest.newBuilder().setProduct(Product.newBuilder()
                        .setSku("has spaces").setName(" ")
                        .setPrice(Money.newBuilder().setCurrencyCode("THB").setUnits(-5))
                        .setSalePrice(Money.newBuilder().setCurrencyCode("USD").setUnits(1))
                        .addImages(ProductImage.newBuilder().setUrl("ftp://nope"))
                        .addCategories(ProductCategory.newBuilder().setCategoryId(Ids.newId().toString()))
                        .setStockQuantity(-1)).build())
                .await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactlyInAnyOrder("product.sku", "product.name",
                "product.price", "product.sale_price", "product.categories", "product.images[0].url",
                "product.stock_quantity");
    }

    @Test
    void givenPackedDimensions_whenCreatedThenCleared_thenTheyComeBackAllOrNothing() {
        Dimensions box = Dimensions.newBuilder().setLengthMm(400).setWidthMm(300).setHeightMm(200).build();
        Product boxed = TestCatalog.create(products, TestCatalog.product("Boxed Grill", 4500, 2).setWeightGrams(8000)
                .setDimensions(box));
        ProductService admin = TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN);

        Product cleared = admin.updateProduct(UpdateProductRequest.newBuilder()
                .setProduct(Product.newBuilder().setId(boxed.getId()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("dimensions")).build()).await().atMost(WAIT)
                .getProduct();
        Throwable flat = catchThrowable(() -> admin.updateProduct(UpdateProductRequest.newBuilder()
                .setProduct(Product.newBuilder().setId(boxed.getId())
                        .setDimensions(box.toBuilder().setHeightMm(0).setLengthMm(20_000)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("dimensions")).build()).await().atMost(WAIT));

        assertThat(boxed.getDimensions()).isEqualTo(box);
        assertThat(boxed.getWeightGrams()).isEqualTo(8000);
        assertThat(cleared.hasDimensions()).isFalse();
        assertThat(GrpcErrors.violatedFields(flat)).containsExactlyInAnyOrder("product.dimensions.length_mm",
                "product.dimensions.height_mm");
    }

    @Test
    void givenADuplicateSku_whenCreating_thenAlreadyExists() {
        Product first = TestCatalog.create(products, TestCatalog.product("Original", 100, 1));

        Throwable failure = catchThrowable(() -> TestCatalog.create(products,
                TestCatalog.product("Copy", 100, 1).setSku(first.getSku())));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void givenADraftProduct_thenCustomersCannotSeeItButAdminsCan() {
        Product draft = TestCatalog.create(products, TestCatalog.product("Secret Prototype", 100, 1)
                .setStatus(ProductStatus.PRODUCT_STATUS_DRAFT));
        GetProductRequest get = GetProductRequest.newBuilder().setProductId(draft.getId()).build();

        Throwable anonymous = catchThrowable(() -> products.getProduct(get).await().atMost(WAIT));
        Throwable customer = catchThrowable(() -> TestTokens.withToken(products, TestCatalog.customerToken())
                .getProduct(get).await().atMost(WAIT));
        Product seenByAdmin = TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN)
                .getProduct(GetProductRequest.newBuilder()
                        .setSlug(draft.getSlug()).build())
                .await().atMost(WAIT).getProduct();

        assertThat(GrpcErrors.code(anonymous)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(customer)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(seenByAdmin.getStatus()).isEqualTo(ProductStatus.PRODUCT_STATUS_DRAFT);
        assertThat(search(products, "Secret Prototype")).doesNotContain(draft.getId());
    }

    @Test
    void givenPartnersWithScopes_thenAFeedWritesAReaderSeesDraftsAndAFulfillerDoesNeither() {
        ProductService feed = TestTokens.withToken(products, TestTokens.partner("partner-feed", "catalog:write"));
        ProductService reader = TestTokens.withToken(products, TestTokens.partner("partner-reader", "catalog:read"));
        ProductService fulfiller = TestTokens.withToken(products, TestTokens.partner("partner-3pl", "orders:fulfil"));

        Product draft = feed
                .createProduct(CreateProductRequest.newBuilder().setProduct(TestCatalog.product("Feed Draft", 100, 1)
                        .setStatus(ProductStatus.PRODUCT_STATUS_DRAFT)).build())
                .await().atMost(WAIT).getProduct();
        Throwable refused = catchThrowable(() -> fulfiller.createProduct(CreateProductRequest.newBuilder()
                .setProduct(TestCatalog.product("Not Mine", 100, 1)).build()).await().atMost(WAIT));
        Throwable hidden = catchThrowable(() -> fulfiller.getProduct(GetProductRequest.newBuilder()
                .setProductId(draft.getId()).build()).await().atMost(WAIT));

        assertThat(reader.getProduct(GetProductRequest.newBuilder().setProductId(draft.getId()).build()).await()
                .atMost(WAIT)
                .getProduct().getStatus()).isEqualTo(ProductStatus.PRODUCT_STATUS_DRAFT);
        assertThat(GrpcErrors.code(refused)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.code(hidden)).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenACustomer_whenCallingAdminRpcs_thenPermissionDenied() {
        Product product = TestCatalog.create(products, TestCatalog.product("Kettle", 900, 1));
        ProductService asCustomer = TestTokens.withToken(products, TestCatalog.customerToken());

        Throwable create = catchThrowable(() -> asCustomer.createProduct(CreateProductRequest.newBuilder()
                .setProduct(TestCatalog.product("Hack", 1, 1)).build()).await().atMost(WAIT));
        Throwable delete = catchThrowable(() -> asCustomer.deleteProduct(DeleteProductRequest.newBuilder()
                .setProductId(product.getId()).build()).await().atMost(WAIT));
        Throwable anonymousCreate = catchThrowable(() -> products.createProduct(CreateProductRequest.newBuilder()
                .setProduct(TestCatalog.product("Hack", 1, 1)).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(create)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.code(delete)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.code(anonymousCreate)).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenStatusChanges_thenOnlyTheDocumentedTransitionsAreAllowed() {
        Product product = TestCatalog.create(products, TestCatalog.product("Lifecycle Lamp", 500, 1));
        ProductService asAdmin = TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN);

        Product archived = setStatus(asAdmin, product.getId(), ProductStatus.PRODUCT_STATUS_ARCHIVED);
        Throwable revive = catchThrowable(
                () -> setStatus(asAdmin, product.getId(), ProductStatus.PRODUCT_STATUS_ACTIVE));

        assertThat(archived.getStatus()).isEqualTo(ProductStatus.PRODUCT_STATUS_ARCHIVED);
        assertThat(GrpcErrors.reason(revive)).contains("INVALID_STATUS_TRANSITION");
    }

    @Test
    void givenAnUpdate_whenTheProductIsReadAgain_thenTheChangeAndItsTimeWereStored() {
        Product product = TestCatalog.create(products, TestCatalog.product("Stored Stool", 500, 1));
        ProductService asAdmin = TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN);

        setStatus(asAdmin, product.getId(), ProductStatus.PRODUCT_STATUS_ARCHIVED);
        Product reread = asAdmin.getProduct(GetProductRequest.newBuilder().setProductId(product.getId()).build())
                .await().atMost(WAIT).getProduct();

        assertThat(reread.getStatus()).isEqualTo(ProductStatus.PRODUCT_STATUS_ARCHIVED);
        assertThat(Timestamps.compare(reread.getUpdateTime(), reread.getCreateTime())).isPositive();
    }

    @Test
    void givenANulInASlugASearchOrAFilter_thenInvalidArgumentNamesTheFieldAndNothingReachesSql() {
        Throwable slug = catchThrowable(() -> products.getProduct(GetProductRequest.newBuilder()
                .setSlug("kettle\u0000").build()).await().atMost(WAIT));
        Throwable query = catchThrowable(() -> products.searchProducts(SearchProductsRequest.newBuilder()
                .setQuery("head\u0000phones").build()).await().atMost(WAIT));
        Throwable attribute = catchThrowable(() -> products.listProducts(ListProductsRequest.newBuilder()
                .setFilter(ProductFilter.newBuilder().putAttributes("colour", "x".repeat(201))).build()).await()
                .atMost(WAIT));
        Throwable token = catchThrowable(() -> products.listProducts(ListProductsRequest.newBuilder()
                .setPageToken("A".repeat(5000)).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(slug)).containsExactly("slug");
        assertThat(GrpcErrors.violatedFields(query)).containsExactly("query");
        assertThat(GrpcErrors.violatedFields(attribute)).containsExactly("filter.attributes[colour]");
        assertThat(GrpcErrors.violatedFields(token)).containsExactly("page_token");
        assertThat(List.of(slug, query, attribute, token))
                .allSatisfy(failure -> assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void givenAPriceNoNumericColumnHoldsOrAPageLongCurrencyCode_whenCreating_thenInvalidArgumentNamesThePrice() {
        ProductService asAdmin = TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN);
        Throwable tooMuch = catchThrowable(() -> TestCatalog.create(products,
                TestCatalog.product("Gold bar", 1, 1).setPrice(TestCatalog.thb(1_000_000_000_000_000L))));
        Throwable longCurrency = catchThrowable(() -> asAdmin.createProduct(CreateProductRequest.newBuilder()
                .setProduct(TestCatalog.product("Silver bar", 1, 1).setPrice(Money.newBuilder()
                        .setCurrencyCode("X".repeat(3000)).setUnits(1)))
                .build()).await().atMost(WAIT));
        Product justBelow = TestCatalog.create(products, TestCatalog.product("Platinum bar", 1, 1)
                .setPrice(TestCatalog.thb(999_999_999_999_999L)));

        assertThat(List.of(tooMuch, longCurrency)).allSatisfy(failure -> {
            assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(GrpcErrors.violatedFields(failure)).containsExactly("product.price");
        });
        assertThat(justBelow.getPrice().getUnits()).isEqualTo(999_999_999_999_999L);
    }

    @Test
    void givenPageTokensCarryingValuesTheDatabaseCannotHold_thenInvalidArgumentRatherThanAFailedQuery() {
        String id = UUID.randomUUID().toString();
        Throwable hugePrice = catchThrowable(() -> products.listProducts(ListProductsRequest.newBuilder()
                .setSort(ProductSort.PRODUCT_SORT_PRICE_ASC).setPageToken(PageRequest.tokenAfter("1e999999", id))
                .build()).await().atMost(WAIT));
        Throwable farFuture = catchThrowable(() -> products.listProducts(ListProductsRequest.newBuilder()
                .setSort(ProductSort.PRODUCT_SORT_NEWEST)
                .setPageToken(PageRequest.tokenAfter("+1000000000-01-01T00:00:00Z", id)).build()).await()
                .atMost(WAIT));

        assertThat(List.of(hugePrice, farFuture)).allSatisfy(failure -> {
            assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(GrpcErrors.violatedFields(failure)).containsExactly("page_token");
        });
    }

    @Test
    void givenTypos_whenSearching_thenWirelessHeadphonesAreFound() {
        Product headphones = TestCatalog.create(products, TestCatalog.product("Wireless Headphones", 2490, 5));

        assertThat(search(products, "wireless hedphones")).contains(headphones.getId());
        assertThat(search(products, "Wireless Headphones").get(0)).isEqualTo(headphones.getId());
        assertThat(search(products, headphones.getSku())).contains(headphones.getId());
    }

    @Test
    void givenFilters_whenListing_thenOnlyMatchingProductsComeBack() {
        Category outdoor = TestCatalog.category(categories, TestCatalog.unique("Outdoor"), "");
        Category tents = TestCatalog.category(categories, TestCatalog.unique("Tents"), outdoor.getId());
        Product tent = TestCatalog.createIn(products, TestCatalog.product("Dome Tent", 4000, 3)
                .putAttributes("colour", AttributeValue.newBuilder().setList(StringList.newBuilder().addValues("green")
                        .addValues("orange")).build()),
                tents.getId());
        Product cheapTent = TestCatalog.createIn(products, TestCatalog.product("Pop-up Tent", 900, 0), tents.getId());
        Product stove = TestCatalog.createIn(products, TestCatalog.product("Camp Stove", 1500, 2)
                .putAttributes("colour", AttributeValue.newBuilder().setText("green").build()), outdoor.getId());

        assertThat(list(ProductFilter.newBuilder().setCategoryId(outdoor.getId())))
                .containsExactlyInAnyOrder(tent.getId(), cheapTent.getId(), stove.getId());
        assertThat(list(ProductFilter.newBuilder().setCategoryId(outdoor.getId()).setInStockOnly(true)))
                .containsExactlyInAnyOrder(tent.getId(), stove.getId());
        assertThat(list(ProductFilter.newBuilder().setCategoryId(outdoor.getId())
                .setMinPrice(TestCatalog.thb(1000)).setMaxPrice(TestCatalog.thb(2000)))).containsExactly(stove.getId());
        assertThat(list(ProductFilter.newBuilder().setCategoryId(outdoor.getId()).putAttributes("colour", "green")))
                .containsExactlyInAnyOrder(tent.getId(), stove.getId());
        assertThat(list(ProductFilter.newBuilder().setCategoryId(outdoor.getId()).putAttributes("colour", "orange")))
                .containsExactly(tent.getId());
    }

    @Test
    void givenProductsInsertedWhilePaging_whenListingNewestFirst_thenEveryEarlierProductComesExactlyOnce() {
        Category shelf = TestCatalog.category(categories, TestCatalog.unique("Shelf"), "");
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            original.add(TestCatalog.createIn(products, TestCatalog.product("Item " + i, 100 + i, 1), shelf.getId())
                    .getId());
        }

        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListProductsResponse page = products.listProducts(ListProductsRequest.newBuilder().setPageSize(3)
                    .setPageToken(token).setSort(ProductSort.PRODUCT_SORT_NEWEST)
                    .setFilter(ProductFilter.newBuilder().setCategoryId(shelf.getId())).build()).await().atMost(WAIT);
            page.getProductsList().forEach(product -> seen.add(product.getId()));
            token = page.getNextPageToken();
            if (pages++ == 0) {
                for (int i = 0; i < 3; i++) {
                    TestCatalog.createIn(products, TestCatalog.product("Late arrival " + i, 100, 1), shelf.getId());
                }
            }
        } while (!token.isEmpty());

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(original);
        List<String> newestFirst = new ArrayList<>(original);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen.stream().filter(original::contains).toList()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void givenSorts_whenListingByPrice_thenPagesFollowThePrice() {
        Category shelf = TestCatalog.category(categories, TestCatalog.unique("Priced"), "");
        TestCatalog.createIn(products, TestCatalog.product("Mid", 500, 1), shelf.getId());
        TestCatalog.createIn(products, TestCatalog.product("Cheap", 100, 1).setSalePrice(TestCatalog.thb(50)),
                shelf.getId());
        TestCatalog.createIn(products, TestCatalog.product("Dear", 900, 1), shelf.getId());

        List<String> names = new ArrayList<>();
        String token = "";
        do {
            ListProductsResponse page = products.listProducts(ListProductsRequest.newBuilder().setPageSize(1)
                    .setPageToken(token).setSort(ProductSort.PRODUCT_SORT_PRICE_DESC)
                    .setFilter(ProductFilter.newBuilder().setCategoryId(shelf.getId())).build()).await().atMost(WAIT);
            page.getProductsList().forEach(product -> names.add(product.getName()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertThat(names).containsExactly("Dear", "Mid", "Cheap");
    }

    @Test
    void givenKnownAndUnknownIds_whenBatchGetting_thenFoundAndMissingAreListed() {
        Product inactive = TestCatalog.create(products, TestCatalog.product("Old Model", 100, 1)
                .setStatus(ProductStatus.PRODUCT_STATUS_INACTIVE));
        String unknown = Ids.newId().toString();

        var response = TestTokens.withToken(products, TestCatalog.SERVICE_TOKEN).batchGetProducts(
                BatchGetProductsRequest.newBuilder().addProductIds(inactive.getId()).addProductIds(unknown).build())
                .await().atMost(WAIT);

        assertThat(response.getProductsList()).extracting(Product::getStatus)
                .containsExactly(ProductStatus.PRODUCT_STATUS_INACTIVE);
        assertThat(response.getMissingIdsList()).containsExactly(unknown);
    }

    private List<String> list(ProductFilter.Builder filter) {
        return products.listProducts(ListProductsRequest.newBuilder().setFilter(filter).setPageSize(100).build())
                .await().atMost(WAIT).getProductsList().stream().map(Product::getId).toList();
    }

    private static List<String> search(ProductService products, String query) {
        return products.searchProducts(SearchProductsRequest.newBuilder().setQuery(query).setPageSize(50).build())
                .await().atMost(WAIT).getProductsList().stream().map(Product::getId).toList();
    }

    private static Product setStatus(ProductService asAdmin, String id, ProductStatus status) {
        return asAdmin.updateProduct(UpdateProductRequest.newBuilder()
                .setProduct(Product.newBuilder().setId(id).setStatus(status))
                .setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()).await().atMost(WAIT).getProduct();
    }
}
