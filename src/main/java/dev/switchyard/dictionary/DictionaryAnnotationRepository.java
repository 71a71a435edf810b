package dev.switchyard.dictionary;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Dictionary annotations.
 */
public interface DictionaryAnnotationRepository extends JpaRepository<DictionaryAnnotation, Long> {

    @Query("""
            select a from DictionaryAnnotation a where a.projectId = :projectId and a.side = :side
              and lower(a.object) = lower(:object) and lower(a.field) = lower(:field)
            """)
    Optional<DictionaryAnnotation> find(@Param("projectId") Long projectId, @Param("side") DictionarySide side,
            @Param("object") String object, @Param("field") String field);

    List<DictionaryAnnotation> findByProjectIdAndSide(Long projectId, DictionarySide side);

}
