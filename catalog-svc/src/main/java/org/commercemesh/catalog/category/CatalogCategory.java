package org.commercemesh.catalog.category;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;

/** A node of the category tree. */
@Entity
@Table(name = "category")
public class CatalogCategory extends TrackedEntity {

    public UUID parentId;
    public String name;
    public String slug;
    public String description;
    public String imageUrl;
    public boolean active;
    public int sortOrder;

}
